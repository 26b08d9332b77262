import type { FastifyRequest } from 'fastify';
import type { Deps } from '../../../platform/deps.ts';
import type { SubmissionState } from '../../submissions/lifecycle/states.ts';
import { payableStates } from '../ops/start-payment.ts';
import { paymentRegistry } from '../registry.ts';
import { findTenantProvider } from '../settings.ts';
import { findPaymentSummary } from '../summary.ts';
import { paymentUrl } from '../urls.ts';
import { payPageOrigins } from './citizen-routes.tsx';

/** The payment section of the receipt. */
export interface ReceiptPayment {
  amountCents: number;
  /** due: not paid yet (or open); failed/cancelled: last attempt; problem: paid but not released (F-11). */
  status: 'due' | 'failed' | 'cancelled' | 'paid' | 'expired' | 'problem';
  /** Kassenzeichen, when paid. */
  transactionReference: string | null;
  /** Where "Bezahlen" posts (with `csrf`), while payment is possible. */
  payAction: string | null;
  csrf: string | null;
}

/** What the receipt shows about the fee payment; null when the submission has no fee. */
export async function receiptPayment(
  deps: Deps,
  request: FastifyRequest,
  tenant: { id: string; slug: string },
  submission: { id: string; state: SubmissionState; reference: string; assistant_id: string; fees: unknown },
): Promise<ReceiptPayment | null> {
  const fees = (typeof submission.fees === 'string' ? JSON.parse(submission.fees) : submission.fees) as {
    totalCents?: number;
  };
  const summary = await findPaymentSummary(deps.database.db, tenant.id, submission.id);
  if (!summary && !(fees.totalCents && fees.totalCents > 0)) return null;
  const amountCents = summary?.amountCents ?? fees.totalCents ?? 0;
  const payable = payableStates.includes(submission.state);
  let status: ReceiptPayment['status'];
  if (summary?.status === 'paid') status = payable || submission.state === 'expired' ? 'problem' : 'paid';
  else if (submission.state === 'expired' || submission.state === 'withdrawn') status = 'expired';
  else if (submission.state === 'payment_failed') status = 'failed';
  else if (submission.state === 'payment_cancelled') status = 'cancelled';
  else if (payable) status = 'due';
  else return null;
  const provider =
    payable && status !== 'problem' ? await findTenantProvider(deps, paymentRegistry(deps), tenant.id) : null;
  if (provider) payPageOrigins.set(request, provider.plugin.payPageOrigin(provider.options));
  const canPay = !!provider;
  return {
    amountCents,
    status,
    transactionReference: summary?.status === 'paid' ? summary.transactionReference : null,
    payAction: canPay ? paymentUrl(tenant.slug, submission.assistant_id, submission.reference) : null,
    csrf: canPay ? await request.csrfToken() : null,
  };
}
