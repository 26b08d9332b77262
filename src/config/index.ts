import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/** One entry per environment variable: the public contract of PRODUCT.md §3 plus operational knobs. */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  SAC_DATA_DIR: z.string().min(1).default('./data'),
  SAC_BASE_URL: z.string().url().optional(),
  SAC_DEMO: z.enum(['0', '1']).default('0'),
  SAC_SECRET_KEY: z.string().min(32, 'must be at least 32 characters').optional(),
  SAC_DATA_KEY: z
    .string()
    .regex(
      /^[A-Za-z0-9_-]{1,32}:[A-Za-z0-9+/=_-]{43,44}(,[A-Za-z0-9_-]{1,32}:[A-Za-z0-9+/=_-]{43,44})*$/,
      'must be a comma-separated list of keyId:base64(32 bytes); the first key encrypts',
    )
    .optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  SAC_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SAC_FRAME_ANCESTORS: z.string().default("'none'"),
  SAC_TRUST_PROXY: z.enum(['0', '1']).default('0'),
  SAC_WORKER: z.enum(['0', '1']).default('1'),
  SAC_WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(32).default(4),
  SAC_SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  SAC_SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(72).default(12),
  SAC_DRAFT_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  SAC_PAYMENT_EXPIRY_HOURS: z.coerce.number().int().min(1).max(2160).default(72),
  SAC_FIT_UNCONFIRMED_DAYS: z.coerce.number().int().min(1).max(365).default(14),
  SAC_OUTBOUND_ALLOW_HOSTS: z.string().default(''),
  SAC_OUTBOUND_ALLOW_HTTP: z.enum(['0', '1']).default('0'),
});

export type DataKey = { id: string; key: Buffer };

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  baseUrl: string;
  demo: boolean;
  secretKey: string;
  dataKeys: DataKey[];
  smtpUrl: string | undefined;
  logLevel: string;
  frameAncestors: string;
  trustProxy: boolean;
  runWorker: boolean;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  draftTtlDays: number;
  /** Unpaid fee-bearing submissions expire after this many hours (with a notice to the citizen). */
  paymentExpiryHours: number;
  /** FIT submissions nobody accepted or rejected lose their encrypted content after this many days. */
  fitUnconfirmedDays: number;
  /** Jobs one worker runs at the same time (each holds a database connection while it writes). */
  workerConcurrency: number;
  /** Hosts delivery targets may use although they resolve to internal addresses (SSRF allow-list). */
  outboundAllowHosts: string[];
  /** Allow plain `http://` delivery targets (default: https only). */
  outboundAllowHttp: boolean;
  /** True when links are served over https: cookies get `Secure` and `__Host-`, HSTS is sent. */
  secure: boolean;
}

/** Thrown for bad configuration; main.ts prints the message and exits without a stack trace. */
export class ConfigError extends Error {}

function parseDataKeys(value: string): DataKey[] {
  return value.split(',').map((entry) => {
    const [id, b64] = entry.split(':') as [string, string];
    const key = Buffer.from(b64, 'base64');
    if (key.length !== 32) throw new ConfigError(`SAC_DATA_KEY: key "${id}" must decode to 32 bytes`);
    return { id, key };
  });
}

/** Demo mode only: secrets are generated once and kept in the data directory (mode 0600). */
function demoSecrets(dataDir: string): { secretKey: string; dataKey: string } {
  const file = path.join(dataDir, 'demo-secrets.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8'));
  mkdirSync(dataDir, { recursive: true });
  const secrets = {
    secretKey: randomBytes(48).toString('base64url'),
    dataKey: `demo1:${randomBytes(32).toString('base64')}`,
  };
  writeFileSync(file, JSON.stringify(secrets), { mode: 0o600 });
  return secrets;
}

/** Reads and validates the environment once. Bad config → ConfigError naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(`Invalid configuration: ${String(issue.path[0])} ${issue.message}`);
  }
  const e = parsed.data;
  const demo = e.SAC_DEMO === '1';
  const dataDir = path.resolve(e.SAC_DATA_DIR);
  let secretKey = e.SAC_SECRET_KEY;
  let dataKey = e.SAC_DATA_KEY;
  if (!secretKey || !dataKey) {
    if (!demo) {
      throw new ConfigError(
        `Invalid configuration: ${!secretKey ? 'SAC_SECRET_KEY' : 'SAC_DATA_KEY'} is required unless SAC_DEMO=1`,
      );
    }
    const generated = demoSecrets(dataDir);
    secretKey ??= generated.secretKey;
    dataKey ??= generated.dataKey;
  }
  const baseUrl = (e.SAC_BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, '');
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir,
    baseUrl,
    demo,
    secretKey,
    dataKeys: parseDataKeys(dataKey),
    smtpUrl: e.SMTP_URL,
    logLevel: e.SAC_LOG_LEVEL,
    frameAncestors: e.SAC_FRAME_ANCESTORS,
    trustProxy: e.SAC_TRUST_PROXY === '1',
    runWorker: e.SAC_WORKER === '1',
    workerConcurrency: e.SAC_WORKER_CONCURRENCY,
    sessionIdleMinutes: e.SAC_SESSION_IDLE_MINUTES,
    sessionAbsoluteHours: e.SAC_SESSION_ABSOLUTE_HOURS,
    draftTtlDays: e.SAC_DRAFT_TTL_DAYS,
    paymentExpiryHours: e.SAC_PAYMENT_EXPIRY_HOURS,
    fitUnconfirmedDays: e.SAC_FIT_UNCONFIRMED_DAYS,
    outboundAllowHosts: e.SAC_OUTBOUND_ALLOW_HOSTS.split(',')
      .map((h) => h.trim())
      .filter(Boolean),
    outboundAllowHttp: e.SAC_OUTBOUND_ALLOW_HTTP === '1',
    secure: baseUrl.startsWith('https://'),
  };
}
