import { allTenants } from '../../../platform/db/scope.ts';
import type { Deps } from '../../../platform/deps.ts';
import { defineJob, type JobDefinition } from '../../../platform/jobs/index.ts';
import { transition } from '../../submissions/lifecycle/transition.ts';
import { syncPayment } from '../ops/sync-payment.ts';
import { paymentRegistry } from '../registry.ts';
import { findOpenPayment } from '../repo.ts';
import { enqueueExpiryNotice } from './expiry-notice.ts';

export const PAYMENT_EXPIRY_JOB = 'payments.expire';

/**
 * Unpaid submissions older than SAC_PAYMENT_EXPIRY_HOURS become `expired`, with a notice to the citizen.
 * An attempt still open at the provider is asked first: a payment made in the last minute counts.
 */
export function definePaymentExpiryJob(deps: Deps): JobDefinition<Record<string, never>> {
  return defineJob<Record<string, never>>(PAYMENT_EXPIRY_JOB, async (_payload, { now }) => {
    const db = deps.database.db;
    const cutoff = new Date(now.getTime() - deps.config.paymentExpiryHours * 3_600_000);
    const due = await db
      .selectFrom('submissions')
      .select(['id', 'tenant_id'])
      .where('state', 'in', ['awaiting_payment', 'payment_failed', 'payment_cancelled'])
      .where('submitted_at', '<', cutoff)
      .orderBy('submitted_at')
      .limit(500)
      .modifyEnd(allTenants)
      .execute();
    const registry = paymentRegistry(deps);
    for (const s of due) {
      const open = await findOpenPayment(db, s.tenant_id, s.id);
      if (open?.transaction_id) {
        try {
          const outcome = await syncPayment(deps, registry, open, 'expiry');
          if (outcome === 'paid' || outcome === 'alert') continue;
        } catch (error) {
          // Provider unreachable: do not expire what might have been paid; try again next run.
          deps.log.warn(
            { paymentId: open.id, code: (error as { code?: string }).code },
            'payment expiry: check failed',
          );
          continue;
        }
      }
      await db.transaction().execute(async (trx) => {
        const moved = await transition(trx, deps, {
          tenantId: s.tenant_id,
          submissionId: s.id,
          to: 'expired',
          actor: 'system',
          reason: `not paid within ${deps.config.paymentExpiryHours} hours`,
          from: ['awaiting_payment', 'payment_failed', 'payment_cancelled'],
        });
        if (moved.ok) await enqueueExpiryNotice(trx as never, { tenantId: s.tenant_id, submissionId: s.id });
      });
    }
  });
}
