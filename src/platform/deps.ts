import type { Logger } from 'pino';
import type { Config } from '../config/index.ts';
import type { Clock } from './clock.ts';
import type { Database } from './db/database.ts';

/** What every module gets from the platform: config, the database, time and a logger. */
export interface Deps {
  config: Config;
  database: Database;
  clock: Clock;
  log: Logger;
}
