import type { TransitionHook } from '../../submissions/lifecycle/hooks.ts';
import type { SubmissionState } from '../../submissions/lifecycle/states.ts';
import { enqueueCitizenNotification } from './notification-job.ts';

/** States the citizen hears about; technical steps (delivery, payment start) stay silent. */
export const citizenRelevantStates: ReadonlySet<SubmissionState> = new Set<SubmissionState>([
  'received',
  'in_progress',
  'information_needed',
  'completed',
  'rejected',
  'expired',
  'payment_failed',
]);

/** Transition hook: enqueue the "something new" mail for relevant changes and for any change with a note. */
export const notifyCitizenOnTransition: TransitionHook = async (trx, deps, event) => {
  if (!citizenRelevantStates.has(event.to) && !event.note) return;
  await enqueueCitizenNotification(trx, deps, { tenantId: event.tenantId, submissionId: event.submissionId });
};
