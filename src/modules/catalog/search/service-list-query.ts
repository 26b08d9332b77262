import { type Expression, type SqlBool, sql } from 'kysely';
import type { Executor } from '../../../platform/db/scope.ts';

/** One line in a result list: the service plus how this tenant offers it. */
export interface ServiceListItem {
  slug: string;
  name: string;
  leika_key: string;
  lebenslage: string | null;
  themenfeld: string | null;
  offered: boolean;
  online: boolean;
}

/**
 * Services with this tenant's offering joined in (tenant-scoped join), and a `tier`: 0 = offered online
 * here, 1 = offered here, 2 = catalog only. Every list sorts by tier first.
 */
export function serviceListQuery(db: Executor, tenantId: string) {
  return db
    .selectFrom('services')
    .leftJoin('offerings', (join) =>
      join
        .onRef('offerings.service_id', '=', 'services.id')
        .on('offerings.tenant_id', '=', tenantId)
        .on('offerings.active', '=', true),
    )
    .select([
      'services.slug',
      'services.name',
      'services.leika_key',
      'services.lebenslage',
      'services.themenfeld',
      sql<boolean>`offerings.id is not null`.as('offered'),
      sql<boolean>`coalesce(offerings.online, false)`.as('online'),
      sql<number>`count(*) over ()`.as('total'),
    ]);
}

export const tierOrder = sql`case when offerings.online then 0 when offerings.id is not null then 1 else 2 end`;

/** Name order that files Ä under A and ignores case (the database collation may be "C"). */
export const nameOrder = sql`lower(translate(services.name, 'ÄÖÜäöüß', 'AOUaous'))`;

export type Condition = Expression<SqlBool>;
