import { defineCitizenNotificationJob } from './modules/account/notify/notification-job.ts';
import { createFitRetentionJob, FIT_RETENTION_JOB } from './modules/delivery/fit/retention.ts';
import { createDeliveryJob } from './modules/delivery/outbox/deliver-job.ts';
import { createDraftExpiryJob } from './modules/forms/drafts/jobs/index.ts';
import { createUploadCleanupJob } from './modules/forms/uploads/index.ts';
import { definePaymentJobs, paymentPeriodicJobs } from './modules/payment/jobs/index.ts';
import { defineConfirmationMailJob } from './modules/submissions/jobs/confirmation-mail.ts';
import type { Deps } from './platform/deps.ts';
import { DatabaseRateLimitStore } from './platform/http/rate-limit.ts';
import { defineJob, JobRegistry, type PeriodicJob } from './platform/jobs/index.ts';

/** Rate-limit counters older than the longest window (one day) are useless; drop them. */
function createRateLimitPruneJob(deps: Deps) {
  return defineJob('rate-limits.prune', async () => {
    await new DatabaseRateLimitStore(deps.database.db).prune(new Date(deps.clock.now().getTime() - 24 * 3_600_000));
  });
}

/**
 * Every job kind the worker runs, assembled from the modules. Modules export factories that close over
 * `deps` (database, mailer, cipher) and return their job definitions.
 */
export function buildJobRegistry(deps: Deps): JobRegistry {
  return new JobRegistry([
    defineConfirmationMailJob(deps),
    defineCitizenNotificationJob(deps),
    createUploadCleanupJob(deps),
    createDeliveryJob(deps),
    createDraftExpiryJob(deps),
    createRateLimitPruneJob(deps),
    createFitRetentionJob(deps),
    ...definePaymentJobs(deps),
  ]);
}

/** Housekeeping that runs on a schedule (once per period across all processes). */
export const periodicJobs: PeriodicJob[] = [
  { kind: 'uploads.cleanup', everyMs: 60 * 60_000 },
  { kind: 'drafts.expire', everyMs: 60 * 60_000 },
  { kind: 'rate-limits.prune', everyMs: 60 * 60_000 },
  { kind: FIT_RETENTION_JOB, everyMs: 60 * 60_000 },
  ...paymentPeriodicJobs,
];
