import { scoped } from '../../../platform/db/scope.ts';
import type { Deps } from '../../../platform/deps.ts';
import { legalTexts } from './legal-texts.ts';
import { placeholderArms } from './logo.ts';
import { demoTenants } from './tenants.ts';

const pageTitles = {
  impressum: 'Impressum',
  datenschutz: 'Datenschutzerklärung',
  barrierefreiheit: 'Erklärung zur Barrierefreiheit',
} as const;

/** Creates or updates the demo tenants with their offices and legal pages (idempotent). */
export async function seedDemoTenants(deps: Pick<Deps, 'database'>): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  await deps.database.db.transaction().execute(async (trx) => {
    for (const t of demoTenants) {
      const values = {
        slug: t.slug,
        name: t.name,
        short_name: t.shortName,
        kind: t.kind,
        ags: t.ags,
        ars: t.ars,
        primary_color: t.color,
        logo_svg: placeholderArms(t.shortName, t.color),
        website: t.website,
        feedback_email: t.email,
        feedback_phone: t.phone,
        legal_representative: t.representative,
      };
      const { id } = await trx
        .insertInto('tenants')
        .values(values)
        .onConflict((oc) => oc.column('slug').doUpdateSet({ ...values, updated_at: new Date() }))
        .returning('id')
        .executeTakeFirstOrThrow();
      ids.set(t.slug, id);
      const s = scoped(trx, id);
      for (const o of t.offices) {
        const office = {
          slug: o.slug,
          name: o.name,
          street: o.street,
          postcode: t.postcode,
          city: t.city,
          phone: o.phone,
          email: o.email,
          opening_hours: o.hours,
          accessibility: o.accessibility ?? null,
        };
        await s
          .insertInto('offices', office)
          .onConflict((oc) => oc.columns(['tenant_id', 'slug']).doUpdateSet(office))
          .execute();
      }
      const texts = legalTexts(t);
      for (const kind of ['impressum', 'datenschutz', 'barrierefreiheit'] as const) {
        const page = { kind, title: pageTitles[kind], body: texts[kind] };
        await s
          .insertInto('tenant_pages', page)
          .onConflict((oc) => oc.columns(['tenant_id', 'kind']).doUpdateSet({ title: page.title, body: page.body }))
          .execute();
      }
    }
  });
  return ids;
}
