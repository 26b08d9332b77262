import type { Deps } from '../../../platform/deps.ts';
import { paymentAlertsTotal } from '../metrics.ts';

export type PaymentAlertReason = 'release_failed' | 'paid_after_close' | 'amount_mismatch' | 'double_payment';

/**
 * Raises an operator alert for a payment that was taken but could not be completed (F-11): an audit event,
 * an error log line (ids and codes only, no personal data) and the Prometheus counter
 * `sac_payment_alerts_total`. Never throws: the citizen's help page must still be shown.
 */
export async function raisePaymentAlert(
  deps: Deps,
  alert: { tenantId: string; submissionId: string; paymentId: string; reason: PaymentAlertReason; error?: unknown },
): Promise<void> {
  paymentAlertsTotal.inc({ reason: alert.reason });
  deps.log.error(
    {
      alert: 'payment',
      reason: alert.reason,
      tenantId: alert.tenantId,
      submissionId: alert.submissionId,
      paymentId: alert.paymentId,
      errorName: alert.error instanceof Error ? alert.error.name : undefined,
    },
    'payment taken but a later step failed: operator action needed',
  );
  try {
    await deps.database.db
      .insertInto('audit_events')
      .values({
        tenant_id: alert.tenantId,
        actor: 'system',
        action: 'payment.alert',
        object_type: 'submission',
        object_id: alert.submissionId,
        details: JSON.stringify({ reason: alert.reason, paymentId: alert.paymentId }),
      })
      .execute();
  } catch (error) {
    deps.log.error({ alert: 'payment', errorName: (error as Error).name }, 'payment alert: audit event not written');
  }
}

/** Audit event for refused or unmatched notifications (no personal data: codes and ids only). */
export async function auditPaymentEvent(
  deps: Deps,
  event: { tenantId: string | null; action: string; objectId?: string | null; details: Record<string, unknown> },
): Promise<void> {
  await deps.database.db
    .insertInto('audit_events')
    .values({
      tenant_id: event.tenantId,
      actor: 'payment-provider',
      action: event.action,
      object_type: 'payment',
      object_id: event.objectId ?? null,
      details: JSON.stringify(event.details),
    })
    .execute();
}
