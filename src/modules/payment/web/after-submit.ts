import type { Deps } from '../../../platform/deps.ts';
import { payableStates } from '../ops/start-payment.ts';
import { paymentRegistry } from '../registry.ts';
import { findPayableSubmission } from '../repo.ts';
import { findTenantProvider } from '../settings.ts';
import { paymentUrl } from '../urls.ts';

/**
 * After "Antrag absenden": the payment step when the submission awaits payment and the tenant has a payment
 * provider; otherwise null (→ the receipt, which shows the fee as not paid yet).
 */
export async function paymentStepUrl(
  deps: Deps,
  tenant: { id: string; slug: string },
  assistantId: string,
  reference: string,
): Promise<string | null> {
  const submission = await findPayableSubmission(deps.database.db, tenant.id, reference);
  if (!submission || !payableStates.includes(submission.state)) return null;
  if (!(await findTenantProvider(deps, paymentRegistry(deps), tenant.id))) return null;
  return paymentUrl(tenant.slug, assistantId, reference);
}
