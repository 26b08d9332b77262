import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { requireStaff } from '../../src/modules/staff/access.ts';
import { findTenantBySlug } from '../../src/modules/tenants/repo.ts';
import { notFound } from '../../src/platform/errors.ts';
import { Browser, csrfFrom } from '../helpers/app.ts';
import { createStaffTestApp, logIn, type StaffTestApp } from './staff-app.ts';

/** A tiny staff route the way later modules will write one: the object's tenant decides. */
function testRoutes(app: FastifyInstance) {
  app.get<{ Params: { tenant: string } }>('/test/faelle/:tenant', async (request) => {
    const tenant = await findTenantBySlug(app.staffAccess.db, request.params.tenant);
    if (!tenant) throw notFound();
    const staff = await requireStaff(request, { tenantId: tenant.id, role: 'caseworker' });
    return { tenant: tenant.slug, staff: staff.email };
  });
  app.get('/test/nur-betrieb', async (request) => {
    await requireStaff(request, { role: 'operator' });
    return { ok: true };
  });
}

let app: StaffTestApp;
beforeAll(async () => {
  app = await createStaffTestApp({ extend: testRoutes });
});
afterAll(() => app.close());
beforeEach(() => app.clock.advance(60_000));

describe('per-tenant access (IDOR)', () => {
  it('a caseworker of Magdeburg gets 404 for a Halberstadt-scoped staff route', async () => {
    const browser = await logIn(app, app.account('caseworker', 'magdeburg'));
    const own = await browser.get('/test/faelle/magdeburg');
    expect(own.statusCode).toBe(200);
    expect(own.json()).toEqual({ tenant: 'magdeburg', staff: 'sachbearbeitung@magdeburg.demo' });
    const other = await browser.get('/test/faelle/halberstadt');
    expect(other.statusCode).toBe(404);
    expect(other.body).toContain('Seite nicht gefunden');
    expect(other.body).not.toContain('Halberstadt');
  });

  it('roles do not imply each other: an admin or the operator is not a caseworker', async () => {
    const admin = await logIn(app, app.account('admin', 'magdeburg'));
    expect((await admin.get('/test/faelle/magdeburg')).statusCode).toBe(404);
    const operator = await logIn(app, app.account('operator', null));
    expect((await operator.get('/test/faelle/magdeburg')).statusCode).toBe(404);
    expect((await operator.get('/test/nur-betrieb')).statusCode).toBe(200);
    expect((await admin.get('/test/nur-betrieb')).statusCode).toBe(403);
  });

  it('without a staff login the check answers 401', async () => {
    const res = await new Browser(app.app).get('/test/faelle/magdeburg');
    expect(res.statusCode).toBe(401);
    expect(res.body).toContain('Bitte melden Sie sich im Backoffice an.');
  });

  it('a cookie replayed after logout gets 401 from staff routes (F-22)', async () => {
    const browser = await logIn(app, app.account('caseworker', 'magdeburg'));
    const cookie = browser.cookies.get('sac_session')!;
    const landing = await browser.get('/backoffice');
    await browser.post('/backoffice/abmelden', { _csrf: csrfFrom(landing.body) });
    const replay = await app.app.inject({
      method: 'GET',
      url: '/test/faelle/magdeburg',
      headers: { cookie: `sac_session=${cookie}` },
    });
    expect(replay.statusCode).toBe(401);
  });

  it('tenant administration: own municipality yes, another 404, caseworkers 403', async () => {
    const admin = await logIn(app, app.account('admin', 'magdeburg'));
    expect((await admin.get('/admin/magdeburg')).statusCode).toBe(200);
    expect((await admin.get('/admin/halberstadt')).statusCode).toBe(404);
    expect((await admin.get('/admin/gibt-es-nicht')).statusCode).toBe(404);
    const caseworker = await logIn(app, app.account('caseworker', 'magdeburg'));
    expect((await caseworker.get('/admin')).statusCode).toBe(403);
    expect((await caseworker.get('/admin/magdeburg')).statusCode).toBe(404);
    const operator = await logIn(app, app.account('operator', null));
    expect((await operator.get('/admin/halberstadt')).statusCode).toBe(200);
  });

  it('a deactivated account loses its sessions at once', async () => {
    const account = app.account('caseworker', 'wernigerode');
    const browser = await logIn(app, account);
    await app.deps.database.db
      .updateTable('staff_accounts')
      .set({ active: false })
      .where('email', '=', account.email)
      .execute();
    expect((await browser.get('/backoffice')).headers.location).toBe('/backoffice/anmelden');
    await app.deps.database.db
      .updateTable('staff_accounts')
      .set({ active: true })
      .where('email', '=', account.email)
      .execute();
  });
});
