/** Durable jobs in the database: the outbox for delivery, payment checks and retention. */
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
  type QueueDepth,
  queueDepth,
  reapExpiredLeases,
  releaseLease,
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
export type { JobState } from './tables.ts';
export { runWorker, Worker, type WorkerLogger, type WorkerOptions } from './worker.ts';
