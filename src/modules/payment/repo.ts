import { type Executor, scoped } from '../../platform/db/scope.ts';
import type { PaymentsTable } from './tables.ts';

export type PaymentRow = PaymentsTable;

/** The open (pending) attempt of a submission, if any. */
export function findOpenPayment(db: Executor, tenantId: string, submissionId: string) {
  return scoped(db, tenantId)
    .selectFrom('payments')
    .selectAll()
    .where('submission_id', '=', submissionId)
    .where('status', '=', 'pending')
    .executeTakeFirst();
}

/** The attempt to show: the paid one, else the latest. */
export function findCurrentPayment(db: Executor, tenantId: string, submissionId: string) {
  return scoped(db, tenantId)
    .selectFrom('payments')
    .selectAll()
    .where('submission_id', '=', submissionId)
    .orderBy((eb) => eb.case().when('status', '=', 'paid').then(0).else(1).end())
    .orderBy('attempt', 'desc')
    .executeTakeFirst();
}

export function findPayment(db: Executor, tenantId: string, paymentId: string) {
  return scoped(db, tenantId).selectFrom('payments').selectAll().where('id', '=', paymentId).executeTakeFirst();
}

export function findPaymentByTransaction(db: Executor, tenantId: string, pluginId: string, transactionId: string) {
  return scoped(db, tenantId)
    .selectFrom('payments')
    .selectAll()
    .where('plugin_id', '=', pluginId)
    .where('transaction_id', '=', transactionId)
    .executeTakeFirst();
}

/** What the payment pages need of a submission. */
export function findPayableSubmission(db: Executor, tenantId: string, reference: string) {
  return scoped(db, tenantId)
    .selectFrom('submissions')
    .select(['id', 'reference', 'assistant_id', 'assistant_version', 'offering_id', 'fees', 'state', 'submitted_at'])
    .where('reference', '=', reference)
    .executeTakeFirst();
}
