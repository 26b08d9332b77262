import {
  type DatabaseConnection,
  type Driver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
} from 'kysely';
import { describe, expect, it } from 'vitest';
import type { DB } from './schema.ts';
import { allTenants, scoped } from './scope.ts';
import { TenantGuardPlugin } from './tenant-guard.ts';

// A driver that records SQL instead of running it: the guard works on the query tree before any I/O.
const executed: string[] = [];
const connection: DatabaseConnection = {
  async executeQuery(q) {
    executed.push(q.sql);
    return { rows: [] };
  },
  // biome-ignore lint/correctness/useYield: not used
  async *streamQuery() {
    throw new Error('no');
  },
};
const driver: Driver = {
  init: async () => {},
  acquireConnection: async () => connection,
  beginTransaction: async () => {},
  commitTransaction: async () => {},
  rollbackTransaction: async () => {},
  releaseConnection: async () => {},
  destroy: async () => {},
};
const db = new Kysely<DB>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => driver,
    createIntrospector: (k) => new PostgresIntrospector(k),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
  plugins: [new TenantGuardPlugin()],
});
const tenant = '00000000-0000-4000-8000-000000000001';

describe('tenant guard', () => {
  it('refuses a query on a tenant-owned table without tenant_id', async () => {
    await expect(db.selectFrom('offices').selectAll().execute()).rejects.toThrow(/tenant-owned table "offices"/);
    await expect(db.updateTable('offerings').set({ online: true }).where('id', '=', 'x').execute()).rejects.toThrow(
      /offerings/,
    );
    await expect(db.deleteFrom('tenant_pages').execute()).rejects.toThrow(/tenant_pages/);
  });

  it('does not accept tenant_id in the select list as a condition', async () => {
    await expect(db.selectFrom('offices').select(['tenant_id', 'name']).execute()).rejects.toThrow(/offices/);
  });

  it('refuses a join onto a tenant-owned table without a tenant condition', async () => {
    await expect(
      db.selectFrom('services').innerJoin('offerings', 'offerings.service_id', 'services.id').selectAll().execute(),
    ).rejects.toThrow(/offerings/);
  });

  it('lets scoped queries through and puts the tenant into the SQL', async () => {
    executed.length = 0;
    const s = scoped(db, tenant);
    await s.selectFrom('offices').selectAll().execute();
    await s.updateTable('offerings').set({ online: true }).execute();
    await s.deleteFrom('tenant_pages').execute();
    await s.insertInto('offices', { slug: 'a', name: 'A' }).execute();
    expect(executed).toHaveLength(4);
    expect(executed[0]).toContain('"offices"."tenant_id" = $1');
    expect(executed[3]).toContain('"tenant_id"');
  });

  it('allows shared tables and explicitly cross-tenant operator queries', async () => {
    await db.selectFrom('services').selectAll().execute();
    await db.selectFrom('offerings').selectAll().modifyEnd(allTenants).execute();
  });
});
