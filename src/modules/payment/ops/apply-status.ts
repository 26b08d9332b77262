import { scoped } from '../../../platform/db/scope.ts';
import type { Deps } from '../../../platform/deps.ts';
import type { SubmissionState } from '../../submissions/lifecycle/states.ts';
import { transition } from '../../submissions/lifecycle/transition.ts';
import type { ProviderStatus } from '../provider.ts';
import type { PaymentRow } from '../repo.ts';
import { raisePaymentAlert } from './alert.ts';

/** Where a status came from (recorded as the transition's reason). */
export type StatusSource = 'return' | 'notification' | 'reconciliation' | 'recheck' | 'expiry' | 'start';

/** What the provider told us about one attempt. */
export interface ReportedStatus {
  status: ProviderStatus;
  transactionReference?: string | null | undefined;
  paymentMethod?: string | null | undefined;
  statusDetail?: string | null | undefined;
  /** The provider's amount (cents), when it reported one. */
  amountCents?: number | null | undefined;
}

/**
 * - `paid`: money taken and the submission released for delivery;
 * - `alert`: money taken but the submission could not be released (F-11: help page + operator alert);
 * - `failed` / `cancelled`: the attempt ended without payment (the citizen may retry);
 * - `pending`: still open at the provider.
 */
export type PaymentOutcome = 'paid' | 'alert' | 'failed' | 'cancelled' | 'pending';

/** States after release: the submission is paid and on its way (or further). */
const releasedStates = new Set<SubmissionState>([
  'ready_for_delivery',
  'delivered',
  'received',
  'in_progress',
  'information_needed',
  'completed',
  'rejected',
  'withdrawn',
]);

/**
 * Applies a provider status to a payment attempt. Idempotent and safe under concurrency: the attempt
 * leaves `pending` once (compare-and-set); the submission moves awaiting_payment → paid →
 * ready_for_delivery in one transaction, and a second caller finds it already moved.
 *
 * PAYED is recorded first in its own transaction (the Kassenzeichen must never be lost), then the
 * submission is released. If the release throws, the citizen gets the help page and operators an alert.
 */
export async function applyStatus(
  deps: Deps,
  payment: PaymentRow,
  reported: ReportedStatus,
  source: StatusSource,
): Promise<PaymentOutcome> {
  const db = deps.database.db;
  const now = deps.clock.now();
  const actor = `payment:${payment.plugin_id}`;

  if (reported.status === 'INITIAL') {
    await scoped(db, payment.tenant_id)
      .updateTable('payments')
      .set({ last_checked_at: now })
      .where('id', '=', payment.id)
      .execute();
    const fresh = await scoped(db, payment.tenant_id)
      .selectFrom('payments')
      .select('status')
      .where('id', '=', payment.id)
      .executeTakeFirst();
    return fresh?.status === 'paid' ? release(deps, payment, source) : outcomeOf(fresh?.status ?? 'pending');
  }

  if (reported.status === 'FAILED' || reported.status === 'CANCELED') {
    const status = reported.status === 'FAILED' ? 'failed' : 'cancelled';
    const to: SubmissionState = reported.status === 'FAILED' ? 'payment_failed' : 'payment_cancelled';
    return db.transaction().execute(async (trx) => {
      const ended = await scoped(trx, payment.tenant_id)
        .updateTable('payments')
        .set({
          status,
          status_detail: reported.statusDetail?.slice(0, 200) ?? null,
          updated_at: now,
          last_checked_at: now,
        })
        .where('id', '=', payment.id)
        .where('status', '=', 'pending')
        .returning('id')
        .executeTakeFirst();
      if (ended) {
        await transition(trx, deps, {
          tenantId: payment.tenant_id,
          submissionId: payment.submission_id,
          to,
          actor,
          reason: source,
          from: ['awaiting_payment'],
        });
        return status;
      }
      const current = await scoped(trx, payment.tenant_id)
        .selectFrom('payments')
        .select('status')
        .where('id', '=', payment.id)
        .executeTakeFirst();
      return outcomeOf(current?.status ?? status);
    });
  }

  // PAYED: record the money first (own transaction), then release the submission.
  if (reported.amountCents != null && reported.amountCents !== payment.amount_cents) {
    await markPaid(deps, payment, reported, now);
    await raisePaymentAlert(deps, {
      tenantId: payment.tenant_id,
      submissionId: payment.submission_id,
      paymentId: payment.id,
      reason: 'amount_mismatch',
    });
    return 'alert';
  }
  try {
    await markPaid(deps, payment, reported, now);
  } catch (error) {
    await raisePaymentAlert(deps, {
      tenantId: payment.tenant_id,
      submissionId: payment.submission_id,
      paymentId: payment.id,
      reason: 'double_payment',
      error,
    });
    return 'alert';
  }
  return release(deps, payment, source);
}

async function markPaid(deps: Deps, payment: PaymentRow, reported: ReportedStatus, now: Date): Promise<void> {
  const db = scoped(deps.database.db, payment.tenant_id);
  await db
    .updateTable('payments')
    .set({
      status: 'paid',
      paid_at: now,
      updated_at: now,
      last_checked_at: now,
      payment_method: reported.paymentMethod?.slice(0, 40) ?? null,
      ...(reported.transactionReference ? { transaction_reference: reported.transactionReference.slice(0, 100) } : {}),
    })
    .where('id', '=', payment.id)
    .where('status', '=', 'pending')
    .execute();
  // A Kassenzeichen issued late (after the first PAYED report) is still kept.
  if (reported.transactionReference) {
    await db
      .updateTable('payments')
      .set({ transaction_reference: reported.transactionReference.slice(0, 100) })
      .where('id', '=', payment.id)
      .where('status', '=', 'paid')
      .where('transaction_reference', 'is', null)
      .execute();
  }
}

/**
 * Moves a submission with a paid attempt to `paid` and on to `ready_for_delivery` (one transaction).
 * Already released → `paid`; not releasable (expired, withdrawn) or a throwing step → alert.
 */
export async function release(deps: Deps, payment: PaymentRow, source: StatusSource): Promise<PaymentOutcome> {
  const actor = `payment:${payment.plugin_id}`;
  const base = { tenantId: payment.tenant_id, submissionId: payment.submission_id, actor, reason: source };
  let blocked = false;
  try {
    await deps.database.db.transaction().execute(async (trx) => {
      const toPaid = await transition(trx, deps, { ...base, to: 'paid', from: ['awaiting_payment'] });
      const state = toPaid.ok ? 'paid' : toPaid.current;
      if (state === 'paid') {
        const toReady = await transition(trx, deps, { ...base, to: 'ready_for_delivery', from: ['paid'] });
        if (!toReady.ok) blocked = true;
      } else if (state === null || !releasedStates.has(state)) {
        blocked = true;
      }
    });
  } catch (error) {
    await raisePaymentAlert(deps, {
      tenantId: payment.tenant_id,
      submissionId: payment.submission_id,
      paymentId: payment.id,
      reason: 'release_failed',
      error,
    });
    return 'alert';
  }
  if (blocked) {
    await raisePaymentAlert(deps, {
      tenantId: payment.tenant_id,
      submissionId: payment.submission_id,
      paymentId: payment.id,
      reason: 'paid_after_close',
    });
    return 'alert';
  }
  return 'paid';
}

function outcomeOf(status: PaymentRow['status']): PaymentOutcome {
  return status === 'pending' ? 'pending' : status;
}
