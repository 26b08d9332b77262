import type { Deps } from '../../../platform/deps.ts';
import { PaymentProviderError, type PaymentRegistry } from '../provider.ts';
import type { PaymentRow } from '../repo.ts';
import { requireTenantProvider } from '../settings.ts';
import { applyStatus, type PaymentOutcome, release, type StatusSource } from './apply-status.ts';

/**
 * Asks the provider for the attempt's state and applies it (the return URL, the reconciliation job and
 * the admin re-check all come here: the browser never decides). A paid attempt whose submission was not
 * released yet is released again.
 */
export async function syncPayment(
  deps: Deps,
  registry: PaymentRegistry,
  payment: PaymentRow,
  source: StatusSource,
): Promise<PaymentOutcome> {
  if (payment.status === 'paid') return release(deps, payment, source);
  if (payment.status !== 'pending') return payment.status;
  if (!payment.transaction_id) return 'pending';
  const provider = await requireTenantProvider(deps, registry, payment.tenant_id);
  if (provider.plugin.id !== payment.plugin_id)
    throw new PaymentProviderError('provider_changed', 'the tenant uses another payment provider now');
  const tx = await provider.plugin.getTransaction(provider.options, payment.transaction_id);
  return applyStatus(
    deps,
    payment,
    {
      status: tx.status,
      transactionReference: tx.transactionReference,
      paymentMethod: tx.paymentMethod,
      statusDetail: tx.statusDetail,
      amountCents: tx.amountCents,
    },
    source,
  );
}
