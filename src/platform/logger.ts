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

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    redact: { paths: redactPaths, remove: true },
    base: { service: 'sac' },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  return destination ? pino(options, destination) : pino(options);
}

/**
 * Error messages can quote values (a database `Key (email)=(…)`, a parser echoing input). Before an
 * error is logged, values in `=(…)`, e-mail addresses, IBAN-like and long digit strings are masked.
 */
export function scrubForLog(text: string | undefined): string | undefined {
  if (!text) return text;
  return text
    .replace(/=\([^)]*\)/g, '=(…)')
    .replace(/[^\s@"'<>()]+@[^\s@"'<>()]+\.[a-z]{2,}/gi, '[e-mail]')
    .replace(/\b[A-Z]{2}\d{2}[A-Z0-9]{10,30}\b/g, '[iban]')
    .replace(/\d{6,}/g, '[number]');
}
