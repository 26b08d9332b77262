import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteUnconfirmedContent } from '../../src/modules/delivery/fit/retention.ts';
import { type DemoStaffCredential, seedDemoStaff } from '../../src/modules/staff/demo/seed.ts';
import { scoped } from '../../src/platform/db/scope.ts';
import { createDeliveryTestApp, type DeliveryTestApp, deliveriesOf, jobOf } from '../delivery-outbox/setup.ts';
import { csrfFrom } from '../helpers/app.ts';
import { logIn, type StaffTestApp } from '../staff/staff-app.ts';
import { makeDestination, registerKeys, type TestDestination, testKeys, token } from './helpers.ts';

const engine = process.env.SAC_TEST_DB ?? 'pglite';
const DAY = 86_400_000;

/**
 * A FIT submission that the Fachverfahren never fetches (issue 6): after SAC_FIT_UNCONFIRMED_DAYS its content
 * is deleted, and the delivery behind it is no longer "delivered" but dead with the reason, visible in the
 * operator's delivery monitor; "Erneut versuchen" stores a new FIT submission that the destination can fetch.
 */
describe(`a FIT submission nobody fetches on ${engine}`, () => {
  let app: DeliveryTestApp;
  let staff: DemoStaffCredential[];
  let d: TestDestination;
  const magdeburg = () => app.tenantIds.get('magdeburg')!;

  beforeAll(async () => {
    app = await createDeliveryTestApp({ SAC_FIT_UNCONFIRMED_DAYS: '14' });
    staff = await seedDemoStaff(app.deps, app.tenantIds);
    d = await makeDestination(app);
    await registerKeys(app, d, await testKeys());
    await app.addRoute('fit-connect', { destinationId: d.destinationId }, { label: 'Standesamt (FIT)' });
  }, 60_000);
  afterAll(() => app.close());

  const fitSubmissionsOf = (sacId: string) =>
    scoped(app.deps.database.db, magdeburg())
      .selectFrom('fit_submissions')
      .select(['id', 'status', 'delivery_id', 'encrypted_data', 'content_deleted_at'])
      .where('sac_submission_id', '=', sacId)
      .orderBy('created_at')
      .execute();

  it('is dead with the reason after 14 days, shows in the monitor, and a retry stores it again for fetching', async () => {
    const id = await app.release();
    const worker = app.worker();
    expect(await worker.runOnce()).toBe(1);
    const [delivery] = await deliveriesOf(app, id);
    expect(delivery).toMatchObject({ state: 'delivered', connector_id: 'fit-connect' });
    const [first] = await fitSubmissionsOf(id);
    expect(first).toMatchObject({ status: 'submitted', delivery_id: delivery!.id });

    app.clock.advance(13 * DAY);
    expect(await deleteUnconfirmedContent(app.deps, app.clock.now())).toBe(0);
    expect((await deliveriesOf(app, id))[0]!.state).toBe('delivered');

    app.clock.advance(DAY + 60_000);
    expect(await deleteUnconfirmedContent(app.deps, app.clock.now())).toBe(1);
    const [dead] = await deliveriesOf(app, id);
    expect(dead!.state).toBe('dead');
    expect(dead!.last_error).toContain('nicht innerhalb von 14 Tagen abgeholt');
    expect((await fitSubmissionsOf(id))[0]).toMatchObject({ delivery_id: null, encrypted_data: null });
    const audit = await app.deps.database.db
      .selectFrom('audit_events')
      .select(['action', 'object_id'])
      .where('tenant_id', '=', magdeburg())
      .where('action', '=', 'delivery.fit_unfetched')
      .execute();
    expect(audit).toEqual([{ action: 'delivery.fit_unfetched', object_id: delivery!.id }]);

    // The operator sees it among the open problems and retries it through the monitor.
    const operator = staff.find((s) => s.role === 'operator' && s.tenantSlug === null)!;
    app.clock.advance(30_000);
    const browser = await logIn(app as unknown as StaffTestApp, operator);
    const monitor = await browser.get('/admin/zustellungen?kommune=magdeburg');
    expect(monitor.statusCode).toBe(200);
    expect(monitor.body).toContain('Standesamt (FIT)');
    expect(monitor.body).toContain('nicht innerhalb von 14 Tagen abgeholt');
    const retried = await browser.post(`/admin/zustellungen/${delivery!.id}/erneut`, { _csrf: csrfFrom(monitor.body) });
    expect(retried.statusCode).toBe(303);
    expect(await jobOf(app, delivery!.id)).toMatchObject({ state: 'pending', attempts: 0 });

    expect(await worker.runOnce()).toBe(1);
    expect((await deliveriesOf(app, id))[0]).toMatchObject({ state: 'delivered' });
    const both = await fitSubmissionsOf(id);
    expect(both).toHaveLength(2);
    const second = both.find((s) => s.id !== first!.id)!;
    expect(second).toMatchObject({ status: 'submitted', delivery_id: delivery!.id, content_deleted_at: null });
    expect(second.encrypted_data).not.toBeNull();
    const fetched = await app.app.inject({
      method: 'GET',
      url: `/api/v1/fit/submissions/${second.id}`,
      headers: { authorization: `Bearer ${await token(app, d.subscriber)}` },
    });
    expect(fetched.statusCode).toBe(200);
    expect((await browser.get('/admin/zustellungen?kommune=magdeburg')).body).not.toContain('Standesamt (FIT)');
  });
});
