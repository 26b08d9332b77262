/**
 * The submission lifecycle. The same table of allowed transitions is in migration 0008
 * (`submission_state_transitions` + trigger); a test keeps the two identical.
 *
 *   submitted ─┬─> awaiting_payment ─┬─> paid ─> ready_for_delivery ─> delivered ─> received / in_progress /
 *              │                     ├─> payment_failed ─┐               information_needed ─> completed | rejected
 *              │                     ├─> payment_cancelled ─┴─> awaiting_payment (retry) | expired
 *              │                     └─> expired
 *              └─> ready_for_delivery
 *   withdrawn is reachable from every non-final state except `paid` (money taken: it must be delivered).
 */
export const submissionStates = [
  'submitted',
  'awaiting_payment',
  'payment_failed',
  'payment_cancelled',
  'paid',
  'expired',
  'ready_for_delivery',
  'delivered',
  'received',
  'in_progress',
  'information_needed',
  'completed',
  'rejected',
  'withdrawn',
] as const;

export type SubmissionState = (typeof submissionStates)[number];

export const allowedTransitions: Readonly<Record<SubmissionState, readonly SubmissionState[]>> = {
  submitted: ['awaiting_payment', 'ready_for_delivery', 'withdrawn'],
  awaiting_payment: ['paid', 'payment_failed', 'payment_cancelled', 'expired', 'withdrawn'],
  payment_failed: ['awaiting_payment', 'expired', 'withdrawn'],
  payment_cancelled: ['awaiting_payment', 'expired', 'withdrawn'],
  paid: ['ready_for_delivery'],
  expired: [],
  ready_for_delivery: ['delivered', 'withdrawn'],
  delivered: ['received', 'in_progress', 'information_needed', 'completed', 'rejected', 'withdrawn'],
  received: ['in_progress', 'information_needed', 'completed', 'rejected', 'withdrawn'],
  in_progress: ['information_needed', 'completed', 'rejected', 'withdrawn'],
  information_needed: ['in_progress', 'completed', 'rejected', 'withdrawn'],
  completed: [],
  rejected: [],
  withdrawn: [],
};

export function canTransition(from: SubmissionState, to: SubmissionState): boolean {
  return allowedTransitions[from].includes(to);
}

export const finalStates: ReadonlySet<SubmissionState> = new Set(
  submissionStates.filter((s) => allowedTransitions[s].length === 0),
);

export function isSubmissionState(value: string): value is SubmissionState {
  return (submissionStates as readonly string[]).includes(value);
}

/** How the citizen's timeline names each state (German first, English second). */
export const stateLabels: Readonly<Record<SubmissionState, { de: string; en: string }>> = {
  submitted: { de: 'Antrag eingereicht', en: 'Application submitted' },
  awaiting_payment: { de: 'Zahlung ausstehend', en: 'Awaiting payment' },
  payment_failed: { de: 'Zahlung fehlgeschlagen', en: 'Payment failed' },
  payment_cancelled: { de: 'Zahlung abgebrochen', en: 'Payment cancelled' },
  paid: { de: 'Bezahlt', en: 'Paid' },
  expired: { de: 'Verfallen (nicht bezahlt)', en: 'Expired (not paid)' },
  ready_for_delivery: { de: 'Wird an die Behörde übermittelt', en: 'Being sent to the office' },
  delivered: { de: 'An die Behörde übermittelt', en: 'Sent to the office' },
  received: { de: 'Bei der Behörde eingegangen', en: 'Received by the office' },
  in_progress: { de: 'In Bearbeitung', en: 'In progress' },
  information_needed: { de: 'Rückfrage der Behörde', en: 'The office needs information' },
  completed: { de: 'Abgeschlossen', en: 'Completed' },
  rejected: { de: 'Abgelehnt', en: 'Rejected' },
  withdrawn: { de: 'Zurückgezogen', en: 'Withdrawn' },
};
