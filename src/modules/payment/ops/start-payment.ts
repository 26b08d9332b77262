import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { scoped } from '../../../platform/db/scope.ts';
import type { Deps } from '../../../platform/deps.ts';
import type { FeeResult } from '../../forms/engine/index.ts';
import type { SubmissionState } from '../../submissions/lifecycle/states.ts';
import { transition } from '../../submissions/lifecycle/transition.ts';
import type { PaymentItem, PaymentRegistry } from '../provider.ts';
import { findOpenPayment, type PaymentRow } from '../repo.ts';
import { bookingDataFor, requireTenantProvider } from '../settings.ts';
import { notificationUrl, paymentReturnUrl } from '../urls.ts';
import { applyStatus, type PaymentOutcome } from './apply-status.ts';
import { syncPayment } from './sync-payment.ts';

export const payableStates: readonly SubmissionState[] = ['awaiting_payment', 'payment_failed', 'payment_cancelled'];

export type StartOutcome =
  | { kind: 'redirect'; url: string }
  /** Nothing (more) to pay: paid, released or beyond; or the attempt ended at once. */
  | { kind: 'settled'; outcome: PaymentOutcome }
  /** Expired or withdrawn: payment no longer possible. */
  | { kind: 'closed'; state: SubmissionState }
  /** Another click or tab is creating the transaction right now. */
  | { kind: 'busy' }
  /** The provider could not be reached or refused: nothing was charged; the citizen may try again. */
  | { kind: 'providerError' };

export interface StartPaymentInput {
  tenant: { id: string; slug: string };
  submission: {
    id: string;
    reference: string;
    assistant_id: string;
    offering_id: string | null;
    fees: FeeResult | string;
  };
  /** Verwendungszweck text (e.g. the assistant's title). */
  description: string;
}

/** Attempts older than this are re-checked with the provider before the citizen is sent there again. */
const RECHECK_OPEN_AFTER_MS = 2 * 60_000;
const WAIT_FOR_OTHER_CLICK_MS = 5_000;

const feesOf = (fees: FeeResult | string) => (typeof fees === 'string' ? JSON.parse(fees) : fees) as FeeResult;

/** Fee lines as payment items (free lines left out); the total is the stored server-computed total. */
export function itemsFor(fees: FeeResult, bookingData: Record<string, string>): PaymentItem[] {
  const items = fees.lines
    .filter((line) => !line.free && line.amountCents > 0)
    .map((line, i) => ({
      id: String(i + 1),
      description: line.label,
      quantity: Math.max(1, line.quantity),
      amountCents: line.amountCents,
      bookingData,
    }));
  const sum = items.reduce((s, item) => s + item.amountCents, 0);
  if (sum === fees.totalCents) return items;
  return [{ id: '1', description: 'Gebühr', quantity: 1, amountCents: fees.totalCents, bookingData }];
}

/**
 * "Bezahlen": one provider transaction per attempt. The submission row is locked while the attempt is
 * claimed, so parallel clicks and tabs find the one open attempt (a unique index backs this up) and are
 * sent to its pay page. No database transaction is held during the provider call.
 */
export async function startPayment(
  deps: Deps,
  registry: PaymentRegistry,
  input: StartPaymentInput,
): Promise<StartOutcome> {
  const { tenant, submission } = input;
  const provider = await requireTenantProvider(deps, registry, tenant.id);
  const fees = feesOf(submission.fees);
  const now = deps.clock.now();

  const claim = await deps.database.db.transaction().execute(async (trx) => {
    const row = await scoped(trx, tenant.id)
      .selectFrom('submissions')
      .select('state')
      .where('id', '=', submission.id)
      .forUpdate()
      .executeTakeFirst();
    if (!row) return { kind: 'closed' as const, state: 'withdrawn' as SubmissionState };
    if (!payableStates.includes(row.state)) return { kind: 'closed' as const, state: row.state };
    const open = await findOpenPayment(trx, tenant.id, submission.id);
    if (open) return { kind: 'existing' as const, payment: open };
    if (row.state !== 'awaiting_payment') {
      await transition(trx, deps, {
        tenantId: tenant.id,
        submissionId: submission.id,
        to: 'awaiting_payment',
        actor: 'citizen',
        reason: 'retry',
      });
    }
    const last = await scoped(trx, tenant.id)
      .selectFrom('payments')
      .select(sql<number>`coalesce(max(attempt), 0)`.as('n'))
      .where('submission_id', '=', submission.id)
      .executeTakeFirstOrThrow();
    const payment: PaymentRow = {
      id: randomUUID(),
      tenant_id: tenant.id,
      submission_id: submission.id,
      attempt: Number(last.n) + 1,
      plugin_id: provider.plugin.id,
      status: 'pending',
      amount_cents: fees.totalCents,
      currency: 'EUR',
      transaction_id: null,
      transaction_reference: null,
      redirect_url: null,
      payment_method: null,
      status_detail: null,
      created_at: now,
      updated_at: now,
      paid_at: null,
      last_checked_at: null,
    };
    const { tenant_id: _t, ...values } = payment;
    await scoped(trx, tenant.id).insertInto('payments', values).execute();
    return { kind: 'created' as const, payment };
  });

  if (claim.kind === 'closed') {
    const released = !payableStates.includes(claim.state) && !['expired', 'withdrawn'].includes(claim.state);
    return released ? { kind: 'settled', outcome: 'paid' } : { kind: 'closed', state: claim.state };
  }
  if (claim.kind === 'existing') return continueExisting(deps, registry, claim.payment, input);

  const payment = claim.payment;
  const base = deps.config.baseUrl;
  try {
    const tx = await provider.plugin.createTransaction(provider.options, {
      requestId: payment.id,
      amountCents: payment.amount_cents,
      purpose: submission.reference,
      description: input.description,
      items: itemsFor(fees, await bookingDataFor(deps.database.db, tenant.id, submission.offering_id)),
      redirectUrl: `${base}${paymentReturnUrl(tenant.slug, submission.assistant_id, submission.reference)}`,
      notificationUrl: `${base}${notificationUrl(tenant.slug)}`,
    });
    await scoped(deps.database.db, tenant.id)
      .updateTable('payments')
      .set({
        transaction_id: tx.transactionId,
        redirect_url: tx.redirectUrl,
        transaction_reference: tx.transactionReference,
        updated_at: deps.clock.now(),
      })
      .where('id', '=', payment.id)
      .execute();
    if (tx.status !== 'INITIAL') {
      const saved = { ...payment, transaction_id: tx.transactionId };
      return { kind: 'settled', outcome: await applyStatus(deps, saved, { ...tx }, 'start') };
    }
    if (!tx.redirectUrl) throw new Error('provider returned no pay page');
    return { kind: 'redirect', url: tx.redirectUrl };
  } catch (error) {
    deps.log.warn(
      { paymentId: payment.id, code: (error as { code?: string }).code ?? (error as Error).name },
      'payment: creating the provider transaction failed',
    );
    await scoped(deps.database.db, tenant.id)
      .updateTable('payments')
      .set({ status: 'failed', status_detail: 'create_failed', updated_at: deps.clock.now() })
      .where('id', '=', payment.id)
      .where('status', '=', 'pending')
      .where('transaction_id', 'is', null)
      .execute();
    return { kind: 'providerError' };
  }
}

/** A second click or tab: wait briefly for the first to get its pay page, then send this one there too. */
async function continueExisting(
  deps: Deps,
  registry: PaymentRegistry,
  open: PaymentRow,
  input: StartPaymentInput,
): Promise<StartOutcome> {
  let payment: PaymentRow | undefined = open;
  const deadline = Date.now() + WAIT_FOR_OTHER_CLICK_MS;
  while (payment && payment.status === 'pending' && !payment.redirect_url && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    payment = await scoped(deps.database.db, open.tenant_id)
      .selectFrom('payments')
      .selectAll()
      .where('id', '=', open.id)
      .executeTakeFirst();
  }
  if (!payment) return { kind: 'busy' };
  if (payment.status === 'failed' && payment.status_detail === 'create_failed') return { kind: 'providerError' };
  if (payment.status !== 'pending') return startPayment(deps, registry, input);
  if (!payment.redirect_url) return { kind: 'busy' };
  if (deps.clock.now().getTime() - payment.created_at.getTime() > RECHECK_OPEN_AFTER_MS) {
    const outcome = await syncPayment(deps, registry, payment, 'start');
    if (outcome === 'failed' || outcome === 'cancelled') return startPayment(deps, registry, input);
    if (outcome !== 'pending') return { kind: 'settled', outcome };
  }
  return { kind: 'redirect', url: payment.redirect_url };
}
