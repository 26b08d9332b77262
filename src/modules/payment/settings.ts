import { type Executor, scoped } from '../../platform/db/scope.ts';
import type { Deps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import type { AnyPaymentProvider, PaymentRegistry } from './provider.ts';

/** A tenant's payment provider: the plug-in with its parsed options. */
export interface TenantPaymentProvider {
  plugin: AnyPaymentProvider;
  options: unknown;
}

const aad = (tenantId: string) => `payment-settings:${tenantId}`;

/** Splits options into plain and secret parts (the plug-in names its secret options). */
function split(plugin: AnyPaymentProvider, options: Record<string, unknown>) {
  const plain: Record<string, unknown> = {};
  const secret: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(options)) (plugin.secretOptions.includes(k) ? secret : plain)[k] = v;
  return { plain, secret };
}

/** Saves a tenant's payment provider; secret options are encrypted (DataCipher, bound to the tenant). */
export async function savePaymentSettings(
  deps: Deps,
  registry: PaymentRegistry,
  tenantId: string,
  pluginId: string,
  rawOptions: Record<string, unknown>,
  db: Executor = deps.database.db,
): Promise<void> {
  const parsed = registry.parseOptions(pluginId, rawOptions);
  if (!parsed.ok) throw new Error(`invalid payment options: ${parsed.problems.join('; ')}`);
  const { plain, secret } = split(registry.get(pluginId), parsed.options as Record<string, unknown>);
  const values = {
    plugin_id: pluginId,
    options: JSON.stringify(plain),
    secrets_encrypted: Object.keys(secret).length > 0 ? deps.cipher.encryptJson(secret, aad(tenantId)) : null,
    updated_at: deps.clock.now(),
  };
  await scoped(db, tenantId)
    .insertInto('payment_settings', values)
    .onConflict((oc) => oc.column('tenant_id').doUpdateSet(values))
    .execute();
}

/** The tenant's provider, or null when the tenant has none configured (or its plug-in is not available). */
export async function findTenantProvider(
  deps: Deps,
  registry: PaymentRegistry,
  tenantId: string,
): Promise<TenantPaymentProvider | null> {
  const row = await scoped(deps.database.db, tenantId).selectFrom('payment_settings').selectAll().executeTakeFirst();
  if (!row || !registry.has(row.plugin_id)) return null;
  const plain = (typeof row.options === 'string' ? JSON.parse(row.options) : row.options) as Record<string, unknown>;
  const secret = row.secrets_encrypted
    ? deps.cipher.decryptJson<Record<string, unknown>>(row.secrets_encrypted, aad(tenantId))
    : {};
  const parsed = registry.parseOptions(row.plugin_id, { ...plain, ...secret });
  if (!parsed.ok) return null;
  return { plugin: registry.get(row.plugin_id), options: parsed.options };
}

/** Like findTenantProvider, but a missing configuration is an error the citizen sees in plain words. */
export async function requireTenantProvider(
  deps: Deps,
  registry: PaymentRegistry,
  tenantId: string,
): Promise<TenantPaymentProvider> {
  const provider = await findTenantProvider(deps, registry, tenantId);
  if (!provider)
    throw new AppError(
      'unavailable',
      'Die Online-Zahlung ist für diese Kommune gerade nicht eingerichtet. Bitte wenden Sie sich an die Behörde.',
    );
  return provider;
}

/** The cash office's posting data for an offering (empty when none is configured). */
export async function bookingDataFor(
  db: Executor,
  tenantId: string,
  offeringId: string | null,
): Promise<Record<string, string>> {
  if (!offeringId) return {};
  const row = await scoped(db, tenantId)
    .selectFrom('payment_booking_data')
    .select('booking_data')
    .where('offering_id', '=', offeringId)
    .executeTakeFirst();
  if (!row) return {};
  return (typeof row.booking_data === 'string' ? JSON.parse(row.booking_data) : row.booking_data) as Record<
    string,
    string
  >;
}

export async function saveBookingData(
  db: Executor,
  tenantId: string,
  offeringId: string,
  bookingData: Record<string, string>,
): Promise<void> {
  const values = { offering_id: offeringId, booking_data: JSON.stringify(bookingData) };
  await scoped(db, tenantId)
    .insertInto('payment_booking_data', values)
    .onConflict((oc) => oc.columns(['tenant_id', 'offering_id']).doUpdateSet({ booking_data: values.booking_data }))
    .execute();
}
