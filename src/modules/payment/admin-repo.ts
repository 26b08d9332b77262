import type { Executor } from '../../platform/db/scope.ts';
import type { PaymentStatus } from './tables.ts';

export interface AdminPaymentRow {
  id: string;
  submissionId: string;
  reference: string;
  submissionState: string;
  attempt: number;
  status: PaymentStatus;
  amountCents: number;
  transactionId: string | null;
  transactionReference: string | null;
  plugin: string;
  createdAt: Date;
  paidAt: Date | null;
  bookingData: Record<string, string>;
}

/** A tenant's payment attempts, newest first (explicit tenant_id on both joined tables). */
export async function listTenantPayments(db: Executor, tenantId: string, limit = 500): Promise<AdminPaymentRow[]> {
  const rows = await db
    .selectFrom('payments')
    .innerJoin('submissions', (join) =>
      join.onRef('submissions.id', '=', 'payments.submission_id').on('submissions.tenant_id', '=', tenantId),
    )
    .leftJoin('payment_booking_data', (join) =>
      join
        .onRef('payment_booking_data.offering_id', '=', 'submissions.offering_id')
        .on('payment_booking_data.tenant_id', '=', tenantId),
    )
    .select([
      'payments.id',
      'payments.submission_id',
      'submissions.reference',
      'submissions.state as submission_state',
      'payments.attempt',
      'payments.status',
      'payments.amount_cents',
      'payments.transaction_id',
      'payments.transaction_reference',
      'payments.plugin_id',
      'payments.created_at',
      'payments.paid_at',
      'payment_booking_data.booking_data',
    ])
    .where('payments.tenant_id', '=', tenantId)
    .orderBy('payments.created_at', 'desc')
    .orderBy('payments.attempt', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    submissionId: r.submission_id,
    reference: r.reference,
    submissionState: r.submission_state,
    attempt: r.attempt,
    status: r.status,
    amountCents: r.amount_cents,
    transactionId: r.transaction_id,
    transactionReference: r.transaction_reference,
    plugin: r.plugin_id,
    createdAt: r.created_at,
    paidAt: r.paid_at,
    bookingData: (typeof r.booking_data === 'string' ? JSON.parse(r.booking_data) : (r.booking_data ?? {})) as Record<
      string,
      string
    >,
  }));
}
