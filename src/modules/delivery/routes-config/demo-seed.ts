import { scoped } from '../../../platform/db/scope.ts';
import type { Deps } from '../../../platform/deps.ts';
import { saveRoute } from './repo.ts';

/**
 * Demo only: every offering with an assistant gets an e-mail route to its office's address (or the
 * municipality's contact address when no office is set), so that every demo submission is delivered
 * somewhere; without SMTP_URL the mails land in `<SAC_DATA_DIR>/mail/`. Idempotent: offerings that already
 * have an e-mail route are left alone.
 */
export async function seedDemoDeliveryRoutes(deps: Deps, tenantIds: Map<string, string>): Promise<number> {
  let created = 0;
  const db = deps.database.db;
  for (const tenantId of tenantIds.values()) {
    const tenant = await db
      .selectFrom('tenants')
      .select('feedback_email')
      .where('id', '=', tenantId)
      .executeTakeFirst();
    const offerings = await scoped(db, tenantId)
      .selectFrom('offerings')
      .leftJoin('offices', (j) =>
        j.onRef('offices.id', '=', 'offerings.office_id').onRef('offices.tenant_id', '=', 'offerings.tenant_id'),
      )
      .select(['offerings.id', 'offices.email', 'offices.name'])
      .where('offerings.assistant_id', 'is not', null)
      .execute();
    const withRoute = new Set(
      (
        await scoped(db, tenantId)
          .selectFrom('delivery_routes')
          .select('offering_id')
          .where('connector_id', '=', 'email')
          .execute()
      ).map((r) => r.offering_id),
    );
    for (const o of offerings) {
      const to = o.email ?? tenant?.feedback_email;
      if (withRoute.has(o.id) || !to) continue;
      const result = await saveRoute(deps, tenantId, {
        offeringId: o.id,
        connectorId: 'email',
        label: `E-Mail an ${o.name ?? 'die Verwaltung'}`,
        enabled: true,
        options: { to },
      });
      if (result.ok) created++;
      else deps.log.warn({ tenantId, offeringId: o.id }, 'demo e-mail route refused');
    }
  }
  return created;
}
