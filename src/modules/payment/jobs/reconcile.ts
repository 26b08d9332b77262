import { allTenants } from '../../../platform/db/scope.ts';
import type { Deps } from '../../../platform/deps.ts';
import { defineJob, type JobDefinition } from '../../../platform/jobs/index.ts';
import { syncPayment } from '../ops/sync-payment.ts';
import { paymentRegistry } from '../registry.ts';
import type { PaymentRow } from '../repo.ts';

export const PAYMENT_RECONCILE_JOB = 'payments.reconcile';
/** Attempts open (INITIAL) longer than this are asked for their state. */
export const RECONCILE_AFTER_MS = 5 * 60_000;
/** Attempts whose provider transaction was never created (crash during the call) end after this. */
const ABANDON_UNCREATED_AFTER_MS = 30 * 60_000;

/**
 * Reconciliation: queries the provider for attempts stuck in INITIAL (no notification, no return), ends
 * attempts whose transaction was never created, and releases paid submissions that were not released
 * (a failure after the money was taken).
 */
export function definePaymentReconcileJob(deps: Deps): JobDefinition<Record<string, never>> {
  return defineJob<Record<string, never>>(PAYMENT_RECONCILE_JOB, async (_payload, { now }) => {
    const db = deps.database.db;
    const registry = paymentRegistry(deps);
    await db
      .updateTable('payments')
      .set({ status: 'failed', status_detail: 'create_failed', updated_at: now })
      .where('status', '=', 'pending')
      .where('transaction_id', 'is', null)
      .where('created_at', '<', new Date(now.getTime() - ABANDON_UNCREATED_AFTER_MS))
      .modifyEnd(allTenants)
      .execute();
    const stuck: PaymentRow[] = await db
      .selectFrom('payments')
      .selectAll()
      .where('status', '=', 'pending')
      .where('transaction_id', 'is not', null)
      .where('created_at', '<', new Date(now.getTime() - RECONCILE_AFTER_MS))
      .orderBy('created_at')
      .limit(500)
      .modifyEnd(allTenants)
      .execute();
    const unreleased: PaymentRow[] = await db
      .selectFrom('payments')
      .innerJoin('submissions', (join) =>
        join
          .onRef('submissions.id', '=', 'payments.submission_id')
          .onRef('submissions.tenant_id', '=', 'payments.tenant_id'),
      )
      .selectAll('payments')
      .where('payments.status', '=', 'paid')
      .where('submissions.state', 'in', ['awaiting_payment', 'paid'])
      .limit(500)
      .modifyEnd(allTenants)
      .execute();
    for (const payment of [...stuck, ...unreleased]) {
      try {
        await syncPayment(deps, registry, payment, 'reconciliation');
      } catch (error) {
        deps.log.warn(
          { paymentId: payment.id, code: (error as { code?: string }).code ?? (error as Error).name },
          'payment reconciliation: check failed',
        );
      }
    }
  });
}
