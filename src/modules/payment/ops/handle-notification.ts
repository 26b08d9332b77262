import { scoped } from '../../../platform/db/scope.ts';
import type { Deps } from '../../../platform/deps.ts';
import { NotificationRejected, type PaymentRegistry } from '../provider.ts';
import { findPaymentByTransaction } from '../repo.ts';
import { findTenantProvider } from '../settings.ts';
import { auditPaymentEvent } from './alert.ts';
import { applyStatus } from './apply-status.ts';

export type NotificationResult =
  | { status: 200; result: 'applied' | 'duplicate' }
  | { status: 400 | 401 | 404; result: string };

/**
 * A provider's status notification: authenticated (HMAC over timestamp and body, constant-time, within
 * the timestamp window), idempotent per event id (processed ids are stored), applied like a status query.
 * Refused notifications are audited. May arrive before, after or instead of the citizen's return.
 */
export async function handleNotification(
  deps: Deps,
  registry: PaymentRegistry,
  input: { tenantId: string; headers: Record<string, string | string[] | undefined>; rawBody: string },
): Promise<NotificationResult> {
  const provider = await findTenantProvider(deps, registry, input.tenantId);
  if (!provider) return { status: 404, result: 'no provider' };
  let notification: ReturnType<typeof provider.plugin.verifyNotification>;
  try {
    notification = provider.plugin.verifyNotification(provider.options, {
      headers: input.headers,
      rawBody: input.rawBody,
      now: deps.clock.now(),
    });
  } catch (error) {
    const reason = error instanceof NotificationRejected ? error.reason : 'malformed';
    await auditPaymentEvent(deps, {
      tenantId: input.tenantId,
      action: 'payment.notification_rejected',
      details: { reason, provider: provider.plugin.id },
    });
    deps.log.warn({ reason, tenantId: input.tenantId }, 'payment notification rejected');
    return { status: reason === 'signature' ? 401 : 400, result: reason };
  }

  const payment = await findPaymentByTransaction(
    deps.database.db,
    input.tenantId,
    provider.plugin.id,
    notification.transactionId,
  );
  if (!payment) {
    await auditPaymentEvent(deps, {
      tenantId: input.tenantId,
      action: 'payment.notification_unknown_transaction',
      details: { provider: provider.plugin.id },
    });
    return { status: 404, result: 'unknown transaction' };
  }

  const fresh = await scoped(deps.database.db, input.tenantId)
    .insertInto('payment_notifications', {
      event_id: notification.eventId,
      transaction_id: notification.transactionId,
      status: notification.status,
      received_at: deps.clock.now(),
    })
    .onConflict((oc) => oc.columns(['tenant_id', 'event_id']).doNothing())
    .returning('event_id')
    .executeTakeFirst();
  if (!fresh) return { status: 200, result: 'duplicate' };

  await applyStatus(
    deps,
    payment,
    { status: notification.status, transactionReference: notification.transactionReference },
    'notification',
  );
  return { status: 200, result: 'applied' };
}
