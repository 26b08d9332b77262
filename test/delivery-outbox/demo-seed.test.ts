import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoCatalog } from '../../src/modules/catalog/demo/seed.ts';
import { seedDemoDeliveryRoutes } from '../../src/modules/delivery/routes-config/demo-seed.ts';
import { listRoutes } from '../../src/modules/delivery/routes-config/repo.ts';
import { scoped } from '../../src/platform/db/scope.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';

describe(`demo delivery routes on ${process.env.SAC_TEST_DB ?? 'pglite'}`, () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
    await seedDemoCatalog(app.deps, app.tenantIds);
  });
  afterAll(() => app.close());

  it('gives every demo offering with an assistant one e-mail route to its office, once', async () => {
    const created = await seedDemoDeliveryRoutes(app.deps, app.tenantIds);
    expect(created).toBeGreaterThan(0);
    expect(await seedDemoDeliveryRoutes(app.deps, app.tenantIds)).toBe(0);
    let offerings = 0;
    for (const [slug, tenantId] of app.tenantIds) {
      const withAssistant = await scoped(app.deps.database.db, tenantId)
        .selectFrom('offerings')
        .leftJoin('offices', (j) =>
          j.onRef('offices.id', '=', 'offerings.office_id').onRef('offices.tenant_id', '=', 'offerings.tenant_id'),
        )
        .select(['offerings.id', 'offices.email'])
        .where('offerings.assistant_id', 'is not', null)
        .execute();
      offerings += withAssistant.length;
      const routes = await listRoutes(app.deps, tenantId);
      for (const o of withAssistant) {
        const mine = routes.filter((r) => r.offeringId === o.id && r.connectorId === 'email');
        expect(mine, `${slug} ${o.id}`).toHaveLength(1);
        expect(mine[0]!.enabled).toBe(true);
        if (o.email) expect(mine[0]!.options).toEqual({ to: o.email });
      }
    }
    expect(created).toBe(offerings);
  });
});
