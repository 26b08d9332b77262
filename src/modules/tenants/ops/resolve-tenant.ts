import type { FastifyRequest } from 'fastify';
import type { Database } from '../../../platform/db/database.ts';
import type { Deps } from '../../../platform/deps.ts';
import { notFound } from '../../../platform/errors.ts';
import { findTenantBySlug, type Tenant } from '../repo.ts';

const cacheMs = 30_000;
const caches = new WeakMap<Database, Map<string, { tenant: Tenant | undefined; at: number }>>();

/** Drops cached tenants of one database (after an admin changes a tenant). */
export function clearTenantCache(database: Database): void {
  caches.delete(database);
}

/**
 * Resolves `/{tenant}` to an active tenant or answers 404, and remembers its branding for the page
 * chrome and error pages. Tenants change rarely, so lookups are cached briefly per database.
 */
export async function resolveTenant(deps: Deps, request: FastifyRequest, slug: string): Promise<Tenant> {
  if (!/^[a-z0-9][a-z0-9-]{1,62}$/.test(slug)) throw notFound();
  let cache = caches.get(deps.database);
  if (!cache) {
    cache = new Map();
    caches.set(deps.database, cache);
  }
  const now = deps.clock.now().getTime();
  let entry = cache.get(slug);
  if (!entry || Math.abs(now - entry.at) > cacheMs) {
    entry = { tenant: await findTenantBySlug(deps.database.db, slug), at: now };
    cache.set(slug, entry);
  }
  const tenant = entry.tenant;
  if (!tenant) throw notFound();
  request.branding = {
    slug: tenant.slug,
    name: tenant.name,
    hasLogo: !!tenant.logo_svg,
    participates115: tenant.participates_115,
  };
  return tenant;
}
