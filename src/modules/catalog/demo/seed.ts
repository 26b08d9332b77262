import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { scoped } from '../../../platform/db/scope.ts';
import type { Deps } from '../../../platform/deps.ts';
import { importCatalog, upsertServices } from '../ops/import-catalog.ts';
import { clearFacetCache } from '../repo.ts';
import { localServices } from './local-services.ts';
import { demoOfferings } from './offerings.ts';
import { demoPopularity, demoServiceTexts } from './service-texts.ts';

/** The cleaned LeiKa catalog shipped with SAC (see seed/catalog/README.md). */
export const shippedCatalogFile = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../../seed/catalog/leika-services.csv',
);

/**
 * Demo catalog: imports the shipped CSV unless the services are already there (fast restart), adds the
 * local services, description texts and popularity, and the demo tenants' offerings. Idempotent.
 */
export async function seedDemoCatalog(deps: Deps, tenantIds: Map<string, string>): Promise<void> {
  const text = readFileSync(shippedCatalogFile, 'utf8');
  const fileRows = text.split('\n').filter((l) => l.trim() !== '').length - 1;
  const count = await deps.database.db
    .selectFrom('services')
    .select(sql<number>`count(*)`.as('n'))
    .executeTakeFirstOrThrow();
  if (Number(count.n) < fileRows) {
    const report = await importCatalog(deps.database, text);
    deps.log.info(
      { inserted: report.inserted, updated: report.updated, skipped: report.skipped, ms: report.ms },
      'demo catalog imported',
    );
  }
  await upsertServices(
    deps.database,
    localServices.map((s) => s.row),
  );
  await deps.database.db.transaction().execute(async (trx) => {
    for (const [key, modules] of Object.entries(demoServiceTexts)) {
      await trx
        .updateTable('services')
        .set({ modules: JSON.stringify(modules) as never, popularity: demoPopularity[key] ?? 0 })
        .where('leika_key', '=', key)
        .execute();
    }
    for (const [key, popularity] of Object.entries(demoPopularity)) {
      await trx.updateTable('services').set({ popularity }).where('leika_key', '=', key).execute();
    }
    const services = await trx
      .selectFrom('services')
      .select(['id', 'leika_key'])
      .where('leika_key', 'in', [...allOfferedKeys()])
      .execute();
    const serviceIds = new Map(services.map((s) => [s.leika_key, s.id]));
    for (const [slug, offerings] of Object.entries(demoOfferings)) {
      const tenantId = tenantIds.get(slug);
      if (!tenantId) continue;
      const s = scoped(trx, tenantId);
      const offices = await s.selectFrom('offices').select(['id', 'slug']).execute();
      const officeIds = new Map(offices.map((o) => [o.slug, o.id]));
      for (const o of offerings) {
        const serviceId = serviceIds.get(o.key);
        if (!serviceId) continue;
        const values = {
          office_id: officeIds.get(o.office) ?? null,
          online: o.online,
          assistant_id: o.assistantId,
          fee_cents: o.feeCents,
          fee_text: o.feeText,
          trust_level: o.trustLevel,
          anonymous_allowed: o.anonymousAllowed,
          active: true,
        };
        await s
          .insertInto('offerings', { ...values, service_id: serviceId })
          .onConflict((oc) =>
            oc.columns(['tenant_id', 'service_id']).doUpdateSet({ ...values, updated_at: sql`now()` }),
          )
          .execute();
      }
    }
  });
  clearFacetCache(deps.database);
}

function allOfferedKeys(): Set<string> {
  return new Set(Object.values(demoOfferings).flatMap((list) => list.map((o) => o.key)));
}
