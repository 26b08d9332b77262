import { createHash } from 'node:crypto';
import pino, { type Logger } from 'pino';

/**
 * Paths that may carry personal data or secrets. pino removes them before anything is written, so a
 * careless `log.info({ body })` cannot leak form answers, cookies or tokens.
 */
const redactPaths = [
  'req.headers.cookie',
  'req.headers.authorization',
  'res.headers["set-cookie"]',
  'body',
  'answers',
  'password',
  '*.password',
  'token',
  '*.token',
  'email',
  '*.email',
];

export function createLogger(level: string): Logger {
  return pino({
    level,
    redact: { paths: redactPaths, remove: true },
    base: { service: 'sac' },
    timestamp: pino.stdTimeFunctions.isoTime,
  });
}

/** Session ids appear in logs only as a short SHA-256 prefix. */
export function hashForLog(value: string): string {
  return createHash('sha256').update(value).digest('hex').slice(0, 12);
}
