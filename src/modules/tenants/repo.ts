import type { Selectable } from 'kysely';
import type { Executor } from '../../platform/db/scope.ts';
import { scoped } from '../../platform/db/scope.ts';
import type { LegalPageKind, OfficesTable, TenantPagesTable, TenantsTable } from './tables.ts';

export type Tenant = Selectable<TenantsTable>;
export type Office = Selectable<OfficesTable>;
export type LegalPage = Selectable<TenantPagesTable>;

/** Reserved first path segments that can never be a tenant slug. */
export const reservedSlugs = new Set([
  'api',
  'admin',
  'backoffice',
  'konto',
  'assets',
  'healthz',
  'readyz',
  'metrics',
  'sprache',
  'demo',
  'login',
  'logout',
  'status',
]);

export function findTenantBySlug(db: Executor, slug: string): Promise<Tenant | undefined> {
  return db.selectFrom('tenants').selectAll().where('slug', '=', slug).where('active', '=', true).executeTakeFirst();
}

export function listTenants(db: Executor): Promise<Tenant[]> {
  return db.selectFrom('tenants').selectAll().where('active', '=', true).orderBy('name').execute();
}

export function listOffices(db: Executor, tenantId: string): Promise<Office[]> {
  return scoped(db, tenantId).selectFrom('offices').selectAll().orderBy('name').execute();
}

export function findOffice(db: Executor, tenantId: string, officeIdOrSlug: string): Promise<Office | undefined> {
  const byId = /^[0-9a-f-]{36}$/.test(officeIdOrSlug);
  return scoped(db, tenantId)
    .selectFrom('offices')
    .selectAll()
    .where(byId ? 'id' : 'slug', '=', officeIdOrSlug)
    .executeTakeFirst();
}

export function findLegalPage(db: Executor, tenantId: string, kind: LegalPageKind): Promise<LegalPage | undefined> {
  return scoped(db, tenantId).selectFrom('tenant_pages').selectAll().where('kind', '=', kind).executeTakeFirst();
}
