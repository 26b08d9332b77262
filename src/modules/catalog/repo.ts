import type { Selectable } from 'kysely';
import { sql } from 'kysely';
import { TtlCache } from '../../platform/cache.ts';
import type { Database } from '../../platform/db/database.ts';
import type { Executor } from '../../platform/db/scope.ts';
import { scoped } from '../../platform/db/scope.ts';
import type { Office } from '../tenants/repo.ts';
import { leikaKeyPattern } from './csv/catalog-row.ts';
import type { OfferingsTable, ServicesTable } from './tables.ts';

export type Service = Omit<Selectable<ServicesTable>, 'updated_at'>;
export type Offering = Selectable<OfferingsTable>;

const serviceColumns = [
  'id',
  'leika_key',
  'slug',
  'name',
  'leistungstyp',
  'ozg_leistung_id',
  'ozg_leistung_name',
  'lebenslage',
  'themenfeld',
  'rechtsgrundlage',
  'modules',
  'popularity',
] as const;

/** A catalog service by URL slug or by its 14-digit LeiKa key. */
export function findService(db: Executor, slugOrKey: string): Promise<Service | undefined> {
  return db
    .selectFrom('services')
    .select(serviceColumns)
    .where(leikaKeyPattern.test(slugOrKey) ? 'leika_key' : 'slug', '=', slugOrKey)
    .executeTakeFirst();
}

/** This tenant's active offering of a service, with its responsible office (same tenant only). */
export async function findOffering(
  db: Executor,
  tenantId: string,
  serviceId: string,
): Promise<{ offering: Offering; office: Office | undefined } | undefined> {
  const offering = await scoped(db, tenantId)
    .selectFrom('offerings')
    .selectAll()
    .where('service_id', '=', serviceId)
    .where('active', '=', true)
    .executeTakeFirst();
  if (!offering) return undefined;
  const office = offering.office_id
    ? await scoped(db, tenantId)
        .selectFrom('offices')
        .selectAll()
        .where('id', '=', offering.office_id)
        .executeTakeFirst()
    : undefined;
  return { offering, office };
}

export interface OnlineService {
  slug: string;
  name: string;
  teaser: string | null;
}

/** The services this tenant offers online, most popular first. */
export function listOnlineServices(db: Executor, tenantId: string): Promise<OnlineService[]> {
  return scoped(db, tenantId)
    .selectFrom('offerings')
    .innerJoin('services', 'services.id', 'offerings.service_id')
    .select(['services.slug', 'services.name', sql<string | null>`services.modules ->> 'teaser'`.as('teaser')])
    .where('offerings.online', '=', true)
    .where('offerings.active', '=', true)
    .orderBy('services.popularity', 'desc')
    .orderBy('services.name')
    .execute();
}

export interface Facet {
  name: string;
  count: number;
}

export interface CatalogFacets {
  lebenslagen: Facet[];
  themenfelder: Facet[];
  letters: string[];
}

const facetCacheMs = 60_000;
const facetCache = new WeakMap<Database, { at: number; facets: CatalogFacets }>();

/** Lebenslagen, Themenfelder (with service counts) and first letters of the whole catalog; cached briefly. */
export async function catalogFacets(database: Database, now = Date.now()): Promise<CatalogFacets> {
  const cached = facetCache.get(database);
  if (cached && Math.abs(now - cached.at) < facetCacheMs) return cached.facets;
  const db = database.db;
  const count = sql<number>`count(*)`;
  const [lebenslagen, themenfelder, letters] = await Promise.all([
    db
      .selectFrom('services')
      .select(['lebenslage as name', count.as('count')])
      .where('lebenslage', 'is not', null)
      .groupBy('lebenslage')
      .orderBy('lebenslage')
      .execute(),
    db
      .selectFrom('services')
      .select(['themenfeld as name', count.as('count')])
      .where('themenfeld', 'is not', null)
      .groupBy('themenfeld')
      .orderBy('themenfeld')
      .execute(),
    db
      .selectFrom('services')
      .select(sql<string>`upper(left(translate(name, 'ÄÖÜäöü', 'AOUaou'), 1))`.as('letter'))
      .distinct()
      .execute(),
  ]);
  const facets: CatalogFacets = {
    lebenslagen: lebenslagen.map((f) => ({ name: f.name!, count: Number(f.count) })),
    themenfelder: themenfelder.map((f) => ({ name: f.name!, count: Number(f.count) })),
    letters: letters
      .map((l) => l.letter)
      .filter((l) => /^[A-Z]$/.test(l))
      .sort(),
  };
  facetCache.set(database, { at: now, facets });
  return facets;
}

/** Forget cached facets and result pages (after an import or a change of offerings). */
export function clearFacetCache(database: Database): void {
  facetCache.delete(database);
  pageCaches.delete(database);
}

const pageCaches = new WeakMap<Database, TtlCache<unknown>>();

/**
 * Search results and service lookups change only with an import or an offering change, and the same
 * queries ("Hund", "Geburtsurkunde") come again and again: cache them per database for a minute.
 */
export function catalogPageCache(database: Database): TtlCache<unknown> {
  let cache = pageCaches.get(database);
  if (!cache) {
    cache = new TtlCache<unknown>(60_000, 2_000);
    pageCaches.set(database, cache);
  }
  return cache;
}
