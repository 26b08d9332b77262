import { createUploadCleanupJob } from './modules/forms/uploads/index.ts';
import type { Deps } from './platform/deps.ts';
import { JobRegistry, type PeriodicJob } from './platform/jobs/index.ts';

/**
 * Every job kind the worker runs, assembled from the modules. Modules export factories that close over
 * `deps` (database, mailer, cipher) and return their job definitions.
 */
export function buildJobRegistry(deps: Deps): JobRegistry {
  return new JobRegistry([createUploadCleanupJob(deps)]);
}

/** Housekeeping that runs on a schedule (once per period across all processes). */
export const periodicJobs: PeriodicJob[] = [{ kind: 'uploads.cleanup', everyMs: 60 * 60_000 }];
