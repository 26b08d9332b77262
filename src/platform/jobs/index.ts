/**
 * Durable jobs in the database: the outbox for delivery, payment checks and retention.
 *
 *   // once, at module level: a kind, its handler and its retry policy
 *   export const deliverSubmission = defineJob<{ submissionId: string }>('delivery.send', async (payload, { signal }) => {
 *     await connector.deliver(payload.submissionId, { signal }); // idempotent by submission id
 *   }, { maxAttempts: 10 });
 *
 *   // in the operation, inside its transaction: the job exists exactly when the submission does
 *   await db.transaction().execute(async (trx) => {
 *     await trx.insertInto('submissions').values(row).execute();
 *     await deliverSubmission.enqueue(trx, { submissionId: row.id }, { tenantId: row.tenant_id, dedupeKey: `delivery:${row.id}` });
 *   });
 *
 *   // at start (`sac serve` or `sac worker`), and `await worker.stop()` on SIGTERM
 *   const worker = runWorker(database, { logger }, new JobRegistry([deliverSubmission]));
 *
 * Handlers run at least once: they must be idempotent. Throw `PermanentJobError` when a retry cannot help.
 */
export { type Backoff, type BackoffOptions, createBackoff, defaultBackoff, defaultBackoffSchedule } from './backoff.ts';
export {
  claim,
  complete,
  describeError,
  type EnqueueOptions,
  type EnqueueResult,
  type Executor,
  enqueue,
  extendLease,
  fail,
  getJob,
  type Job,
  LeaseLostError,
  leaseHeld,
  type QueueDepth,
  queueDepth,
  reapExpiredLeases,
  releaseLease,
  rerunFinished,
  retryDead,
} from './queue.ts';
export {
  defineJob,
  type JobContext,
  type JobDefinition,
  type JobDefinitionOptions,
  type JobHandler,
  JobRegistry,
  PermanentJobError,
} from './registry.ts';
export { enqueueDuePeriodicJobs, type PeriodicJob, startScheduler } from './schedule.ts';
export type { JobState } from './tables.ts';
export { runWorker, Worker, type WorkerLogger, type WorkerOptions } from './worker.ts';
