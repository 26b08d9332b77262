import type { Deps } from './platform/deps.ts';
import { JobRegistry } from './platform/jobs/index.ts';

/**
 * Every job kind the worker runs, assembled from the modules. Modules export factories that close over
 * `deps` (database, mailer, cipher) and return their job definitions.
 */
export function buildJobRegistry(_deps: Deps): JobRegistry {
  return new JobRegistry([]);
}
