import type { Logger } from 'pino';
import type { Config } from '../config/index.ts';
import { type Clock, systemClock } from './clock.ts';
import { DataCipher } from './crypto/data-cipher.ts';
import type { Database } from './db/database.ts';
import { createMailer, type Mailer } from './mail/mailer.ts';

/** What every module gets from the platform: config, database, time, logger, encryption and mail. */
export interface Deps {
  config: Config;
  database: Database;
  clock: Clock;
  log: Logger;
  /** Encrypts personal data at rest (SAC_DATA_KEY, rotatable). */
  cipher: DataCipher;
  mailer: Mailer;
}

/** Builds the platform services from configuration; tests override clock and mailer. */
export function createDeps(
  config: Config,
  database: Database,
  log: Logger,
  overrides: { clock?: Clock | undefined; mailer?: Mailer | undefined } = {},
): Deps {
  const mailer =
    overrides.mailer ??
    createMailer({ smtpUrl: config.smtpUrl, dataDir: config.dataDir, from: 'SAC Serviceportal <noreply@sac.example>' });
  return {
    config,
    database,
    log,
    clock: overrides.clock ?? systemClock,
    cipher: new DataCipher(config.dataKeys),
    mailer,
  };
}
