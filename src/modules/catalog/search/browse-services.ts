import { sql } from 'kysely';
import type { Executor } from '../../../platform/db/scope.ts';
import { nameOrder, type ServiceListItem, serviceListQuery, tierOrder } from './service-list-query.ts';

export interface BrowseFilter {
  lebenslage?: string | undefined;
  themenfeld?: string | undefined;
  /** A–Z: first letter of the name (umlauts filed under their base letter). */
  letter?: string | undefined;
}

/** The catalog without a query: filtered by Lebenslage, Themenfeld or first letter, tenant's offers first. */
export async function browseServices(
  db: Executor,
  tenantId: string,
  filter: BrowseFilter,
  page: number,
  pageSize: number,
): Promise<{ items: ServiceListItem[]; total: number }> {
  let query = serviceListQuery(db, tenantId);
  if (filter.lebenslage) query = query.where('services.lebenslage', '=', filter.lebenslage);
  if (filter.themenfeld) query = query.where('services.themenfeld', '=', filter.themenfeld);
  if (filter.letter)
    query = query.where(sql<string>`upper(left(translate(services.name, 'ÄÖÜäöü', 'AOUaou'), 1))`, '=', filter.letter);
  const rows = await query
    .orderBy(tierOrder)
    .orderBy(nameOrder)
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  let total = rows.length > 0 ? Number(rows[0]!.total) : 0;
  if (rows.length === 0 && page > 1) total = (await browseServices(db, tenantId, filter, 1, 1)).total;
  return { items: rows, total };
}
