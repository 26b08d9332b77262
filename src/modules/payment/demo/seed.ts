import { sql } from 'kysely';
import { scoped } from '../../../platform/db/scope.ts';
import type { Deps } from '../../../platform/deps.ts';
import { paymentRegistry } from '../registry.ts';
import { saveBookingData, savePaymentSettings } from '../settings.ts';

/** Demo posting data per fee-bearing assistant (Haushaltsstelle / Objektnummer as a cash office uses them). */
const demoBooking: Record<string, Record<string, string>> = {
  urkundenbestellung: { Haushaltsstelle: '1.2.2.01.431100', Objektnummer: 'STA-URK', Sachkonto: '43110000' },
  gewerbeanmeldung: { Haushaltsstelle: '1.2.2.02.431100', Objektnummer: 'ORD-GEW', Sachkonto: '43110000' },
  hundeanmeldung: { Haushaltsstelle: '1.6.1.01.401300', Objektnummer: 'HST-MARKE', Sachkonto: '40130000' },
};

/**
 * Demo mode: every tenant pays through the demo provider (originator = tenant slug, endpoint = AGS/slug),
 * and fee-bearing offerings get booking data. Idempotent.
 */
export async function seedDemoPayments(deps: Deps, tenantIds: Map<string, string>): Promise<void> {
  const registry = paymentRegistry(deps);
  if (!registry.has('demo')) return;
  for (const [slug, tenantId] of tenantIds) {
    const tenant = await deps.database.db
      .selectFrom('tenants')
      .select(['ags'])
      .where('id', '=', tenantId)
      .executeTakeFirst();
    await savePaymentSettings(deps, registry, tenantId, 'demo', {
      originatorId: `sac-${slug}`,
      endpointId: tenant?.ags ?? slug,
    });
    const offerings = await scoped(deps.database.db, tenantId)
      .selectFrom('offerings')
      .select(['id', 'assistant_id'])
      .where(sql.ref('assistant_id'), 'in', Object.keys(demoBooking))
      .execute();
    for (const o of offerings) await saveBookingData(deps.database.db, tenantId, o.id, demoBooking[o.assistant_id!]!);
  }
}
