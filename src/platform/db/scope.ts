import type {
  DeleteQueryBuilder,
  DeleteResult,
  Insertable,
  InsertQueryBuilder,
  InsertResult,
  Kysely,
  SelectQueryBuilder,
  Transaction,
  UpdateQueryBuilder,
  UpdateResult,
} from 'kysely';
import { sql } from 'kysely';
import type { DB } from './schema.ts';
import { ALL_TENANTS_MARKER } from './tenant-guard.ts';

export type Executor = Kysely<DB> | Transaction<DB>;

/** Names of tables that carry a `tenant_id` column. */
export type TenantTable = { [K in keyof DB]: DB[K] extends { tenant_id: string } ? K : never }[keyof DB];

type Row<T extends TenantTable> = Omit<Insertable<DB[T]>, 'tenant_id'>;

/**
 * The way modules touch tenant-owned tables: every builder already carries `tenant_id = :tenant`,
 * and inserts set it. Use `scoped(db, tenantId).selectFrom('offerings')` instead of `db.selectFrom`.
 */
export function scoped(db: Executor, tenantId: string) {
  const tenantOf = (table: string) => sql.ref(`${table}.tenant_id`);
  return {
    tenantId,
    // biome-ignore lint/complexity/noBannedTypes: Kysely's own empty-selection type.
    selectFrom<T extends TenantTable>(table: T): SelectQueryBuilder<DB, T, {}> {
      return (db.selectFrom(table as TenantTable) as SelectQueryBuilder<DB, TenantTable, object>).where(
        tenantOf(table),
        '=',
        tenantId,
        // biome-ignore lint/complexity/noBannedTypes: see above.
      ) as unknown as SelectQueryBuilder<DB, T, {}>;
    },
    updateTable<T extends TenantTable>(table: T): UpdateQueryBuilder<DB, T, T, UpdateResult> {
      return (
        db.updateTable(table as TenantTable) as UpdateQueryBuilder<DB, TenantTable, TenantTable, UpdateResult>
      ).where(tenantOf(table), '=', tenantId) as unknown as UpdateQueryBuilder<DB, T, T, UpdateResult>;
    },
    deleteFrom<T extends TenantTable>(table: T): DeleteQueryBuilder<DB, T, DeleteResult> {
      return (db.deleteFrom(table as TenantTable) as DeleteQueryBuilder<DB, TenantTable, DeleteResult>).where(
        tenantOf(table),
        '=',
        tenantId,
      ) as unknown as DeleteQueryBuilder<DB, T, DeleteResult>;
    },
    insertInto<T extends TenantTable>(table: T, values: Row<T> | Row<T>[]): InsertQueryBuilder<DB, T, InsertResult> {
      const rows = (Array.isArray(values) ? values : [values]).map((v) => ({ ...v, tenant_id: tenantId }));
      return db.insertInto(table).values(rows as never);
    },
  };
}

export type Scoped = ReturnType<typeof scoped>;

/** For deliberate cross-tenant queries (operator views, workers): marks the query for the guard. */
export const allTenants = sql.raw(ALL_TENANTS_MARKER);
