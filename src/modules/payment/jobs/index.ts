import type { Deps } from '../../../platform/deps.ts';
import type { JobDefinition, PeriodicJob } from '../../../platform/jobs/index.ts';
import { definePaymentExpiryJob, PAYMENT_EXPIRY_JOB } from './expire.ts';
import { defineExpiryNoticeJob } from './expiry-notice.ts';
import { definePaymentReconcileJob, PAYMENT_RECONCILE_JOB } from './reconcile.ts';

/** The payment module's jobs: reconciliation, expiry and the expiry notice mail. */
export function definePaymentJobs(deps: Deps): JobDefinition<never>[] {
  return [
    definePaymentReconcileJob(deps),
    definePaymentExpiryJob(deps),
    defineExpiryNoticeJob(deps),
  ] as unknown as JobDefinition<never>[];
}

export const paymentPeriodicJobs: PeriodicJob[] = [
  { kind: PAYMENT_RECONCILE_JOB, everyMs: 5 * 60_000 },
  { kind: PAYMENT_EXPIRY_JOB, everyMs: 60 * 60_000 },
];
