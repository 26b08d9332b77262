import { sql } from 'kysely';
import { type Executor, scoped } from '../../platform/db/scope.ts';
import type { PaymentStatus } from './tables.ts';

export interface PaymentSummary {
  status: PaymentStatus;
  /** The Kassenzeichen (XBezahldienste `transactionReference`), null until the provider issued it. */
  transactionReference: string | null;
  amountCents: number;
  /** Payment plug-in id, e.g. `xbezahldienste`, `demo`. */
  provider: string;
  paidAt: Date | null;
}

/**
 * The payment state of a submission for receipt, PDF and delivery metadata: the paid attempt if there is
 * one, otherwise the latest attempt. Null when the submission has no payment (no fee, or not started yet).
 */
export async function findPaymentSummary(
  db: Executor,
  tenantId: string,
  submissionId: string,
): Promise<PaymentSummary | null> {
  const row = await scoped(db, tenantId)
    .selectFrom('payments')
    .select(['status', 'transaction_reference', 'amount_cents', 'plugin_id', 'paid_at'])
    .where('submission_id', '=', submissionId)
    .orderBy(sql`case when status = 'paid' then 0 else 1 end`)
    .orderBy('attempt', 'desc')
    .executeTakeFirst();
  if (!row) return null;
  return {
    status: row.status,
    transactionReference: row.transaction_reference,
    amountCents: row.amount_cents,
    provider: row.plugin_id,
    paidAt: row.paid_at,
  };
}
