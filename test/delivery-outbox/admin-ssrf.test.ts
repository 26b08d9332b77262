import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { listRoutes, saveRoute } from '../../src/modules/delivery/routes-config/repo.ts';
import { type DemoStaffCredential, seedDemoStaff } from '../../src/modules/staff/demo/seed.ts';
import { totpCode } from '../../src/modules/staff/totp.ts';
import { Browser, csrfFrom } from '../helpers/app.ts';
import { postCode, postPassword } from '../staff/staff-app.ts';
import {
  createDeliveryTestApp,
  type DeliveryTestApp,
  deliveriesOf,
  jobOf,
  MINUTE,
  SECRET,
  startReceiver,
  type TestReceiver,
} from './setup.ts';

const engine = process.env.SAC_TEST_DB ?? 'pglite';

async function logIn(app: DeliveryTestApp, account: DemoStaffCredential): Promise<Browser> {
  app.clock.advance(30_000); // a TOTP code is accepted once per time step
  const browser = new Browser(app.app);
  expect((await postPassword(browser, account.email, account.password)).statusCode).toBe(303);
  expect((await postCode(browser, totpCode(account.totpSecret, app.clock.now()))).statusCode).toBe(303);
  return browser;
}

describe(`delivery administration on ${engine}`, () => {
  let app: DeliveryTestApp;
  let staff: DemoStaffCredential[];
  const account = (role: string, slug: string | null) => staff.find((s) => s.role === role && s.tenantSlug === slug)!;

  beforeAll(async () => {
    app = await createDeliveryTestApp({ SAC_OUTBOUND_ALLOW_HOSTS: '127.0.0.1', SAC_OUTBOUND_ALLOW_HTTP: '1' });
    staff = await seedDemoStaff(app.deps, app.tenantIds);
  });
  afterAll(() => app.close());
  afterEach(async () => {
    await app.reset();
  });

  it('a tenant admin adds routes with German messages on the same page, values kept, then tests the connection', async () => {
    const browser = await logIn(app, account('admin', 'magdeburg'));
    const list = await browser.get('/admin/magdeburg/zustellwege');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('Noch kein Übermittlungsweg');
    const form = await browser.get('/admin/magdeburg/zustellwege/neu?art=webhook');
    expect(form.statusCode).toBe(200);
    const offeringId = await app.offeringId();
    expect(form.body).toContain(`value="${offeringId}"`);

    const bad = await browser.post('/admin/magdeburg/zustellwege/neu?art=webhook', {
      _csrf: csrfFrom(form.body),
      offeringId,
      label: 'Fachverfahren',
      url: 'kein-link',
      secret: 'zu-kurz',
      enabled: '1',
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('Bitte geben Sie eine vollständige Adresse ein');
    expect(bad.body).toContain('Das Geheimnis muss mindestens 32 Zeichen lang sein.');
    expect(bad.body).toContain('value="Fachverfahren"');
    expect(bad.body).toContain('<title>Fehler:');

    const r = await app.receiver([204]);
    const saved = await browser.post('/admin/magdeburg/zustellwege/neu?art=webhook', {
      _csrf: csrfFrom(form.body),
      offeringId,
      label: 'Fachverfahren',
      url: r.url,
      secret: SECRET,
      enabled: '1',
    });
    expect(saved.statusCode).toBe(303);
    const mail = await browser.post('/admin/magdeburg/zustellwege/neu?art=email', {
      _csrf: csrfFrom(form.body),
      offeringId,
      label: 'Kopie Standesamt',
      to: 'keine-adresse',
    });
    expect(mail.statusCode).toBe(422);
    expect(mail.body).toContain('Bitte geben Sie eine gültige E-Mail-Adresse ein');
    expect(mail.body).toContain('value="keine-adresse"');

    const routes = await listRoutes(app.deps, app.tenantIds.get('magdeburg')!);
    expect(routes).toHaveLength(1);
    expect(routes[0]).toMatchObject({ connectorId: 'webhook', enabled: true, options: { url: r.url, secret: SECRET } });
    // Options are encrypted at rest.
    const raw = await app.deps.database.db
      .selectFrom('delivery_routes')
      .select('options_enc')
      .where('tenant_id', '=', app.tenantIds.get('magdeburg')!)
      .executeTakeFirstOrThrow();
    expect(raw.options_enc).not.toContain(SECRET);

    const page = await browser.get('/admin/magdeburg/zustellwege');
    expect(page.body).toContain('Fachverfahren');
    expect(page.body).not.toContain(SECRET);
    const tested = await browser.post(`/admin/magdeburg/zustellwege/${routes[0]!.id}/test`, {
      _csrf: csrfFrom(page.body),
    });
    expect(tested.statusCode).toBe(200);
    expect(tested.body).toContain('erfolgreich');
    expect(r.requests).toHaveLength(1);
    expect(r.requests[0]!.verified).toBe(true);
    expect(r.requests[0]!.envelope.format).toBe('sac.ping.v1');

    // Editing keeps the stored secret when the field is left empty.
    const edit = await browser.get(`/admin/magdeburg/zustellwege/${routes[0]!.id}`);
    expect(edit.statusCode).toBe(200);
    expect(edit.body).not.toContain(SECRET);
    const updated = await browser.post(`/admin/magdeburg/zustellwege/${routes[0]!.id}`, {
      _csrf: csrfFrom(edit.body),
      offeringId,
      label: 'Fachverfahren neu',
      url: r.url,
      secret: '',
    });
    expect(updated.statusCode).toBe(303);
    const after = await listRoutes(app.deps, app.tenantIds.get('magdeburg')!);
    expect(after[0]).toMatchObject({ label: 'Fachverfahren neu', enabled: false, options: { secret: SECRET } });
  });

  it('other tenants, caseworkers and strangers get 404, 401 or the login; POSTs need the CSRF token', async () => {
    const id = (
      await saveRoute(app.deps, app.tenantIds.get('magdeburg')!, {
        offeringId: await app.offeringId(),
        connectorId: 'email',
        label: 'Kopie',
        enabled: true,
        options: { to: 'standesamt@magdeburg.example' },
      })
    ).ok;
    expect(id).toBe(true);
    const [route] = await listRoutes(app.deps, app.tenantIds.get('magdeburg')!);
    const other = await logIn(app, account('admin', 'halberstadt'));
    expect((await other.get('/admin/magdeburg/zustellwege')).statusCode).toBe(404);
    expect((await other.get(`/admin/magdeburg/zustellwege/${route!.id}`)).statusCode).toBe(404);
    expect((await other.get(`/admin/halberstadt/zustellwege/${route!.id}`)).statusCode).toBe(404);
    const page = await other.get('/admin/halberstadt/zustellwege');
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('standesamt@magdeburg.example');
    const csrf = csrfFrom((await other.get('/admin/halberstadt/zustellwege/neu?art=email')).body);
    expect(
      (await other.post(`/admin/halberstadt/zustellwege/${route!.id}`, { _csrf: csrf, label: 'x' })).statusCode,
    ).toBe(404);
    expect((await other.post(`/admin/halberstadt/zustellwege/${route!.id}/test`, { _csrf: csrf })).statusCode).toBe(
      404,
    );
    expect((await other.get('/admin/zustellungen')).statusCode).toBe(403);

    const caseworker = await logIn(app, account('caseworker', 'magdeburg'));
    expect((await caseworker.get('/admin/magdeburg/zustellwege')).statusCode).toBe(404);

    const stranger = new Browser(app.app);
    expect((await stranger.get('/admin/magdeburg/zustellwege')).headers.location).toBe('/backoffice/anmelden');
    const admin = await logIn(app, account('admin', 'magdeburg'));
    expect((await admin.post(`/admin/magdeburg/zustellwege/${route!.id}/test`, {})).statusCode).toBe(403);
  });

  it('the operator sees a dead delivery with its reason and retries it; it is delivered once', async () => {
    const r = await app.receiver([400, 200]);
    await app.addRoute('webhook', { url: r.url, secret: SECRET }, { label: 'Personenstand' });
    const id = await app.release();
    const [delivery] = await deliveriesOf(app, id);
    const worker = app.worker();
    await worker.runOnce();
    expect((await deliveriesOf(app, id))[0]!.state).toBe('dead');

    const operator = await logIn(app, account('operator', null));
    const page = await operator.get('/admin/zustellungen?kommune=magdeburg');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('abgebrochen');
    expect(page.body).toContain('HTTP 400');
    expect(page.body).toContain('Personenstand');
    expect(page.body).not.toMatch(/Erika|Mustermann/);
    expect(page.body).toContain(`/admin/zustellungen/${delivery!.id}/erneut`);
    const filtered = await operator.get('/admin/zustellungen?kommune=halberstadt');
    expect(filtered.body).not.toContain(delivery!.id);

    expect((await operator.post(`/admin/zustellungen/${delivery!.id}/erneut`, {})).statusCode).toBe(403);
    const retried = await operator.post(`/admin/zustellungen/${delivery!.id}/erneut`, { _csrf: csrfFrom(page.body) });
    expect(retried.statusCode).toBe(303);
    expect(retried.headers.location).toBe('/admin/zustellungen?erneut=1');
    expect((await deliveriesOf(app, id))[0]!.state).toBe('pending');
    expect(await jobOf(app, delivery!.id)).toMatchObject({ state: 'pending', attempts: 0 });
    // A second click does nothing more.
    await operator.post(`/admin/zustellungen/${delivery!.id}/erneut`, { _csrf: csrfFrom(page.body) });
    await worker.runOnce();
    app.clock.advance(MINUTE);
    await worker.runOnce();
    expect((await deliveriesOf(app, id))[0]).toMatchObject({ state: 'delivered' });
    expect(r.requests).toHaveLength(2);
    expect(
      (
        await operator.post('/admin/zustellungen/00000000-0000-4000-8000-000000000000/erneut', {
          _csrf: csrfFrom(page.body),
        })
      ).statusCode,
    ).toBe(404);
    const audit = await app.deps.database.db
      .selectFrom('audit_events')
      .select(['action', 'actor'])
      .where('tenant_id', '=', app.tenantIds.get('magdeburg')!)
      .where('object_id', '=', delivery!.id)
      .execute();
    expect(audit).toEqual([{ action: 'delivery.retry', actor: expect.stringMatching(/^staff:/) }]);
  });
});

describe(`SSRF: delivery targets on ${engine}`, () => {
  let app: DeliveryTestApp;
  let r: TestReceiver;

  beforeAll(async () => {
    // Plain http is allowed, but no host is allow-listed: loopback and link-local stay forbidden.
    app = await createDeliveryTestApp({ SAC_OUTBOUND_ALLOW_HTTP: '1' });
    r = await startReceiver(app.clock, [200]);
  });
  afterAll(async () => {
    await r.close();
    await app.close();
  });

  it.each([
    ['loopback', () => r.url],
    ['metadata service', () => 'http://169.254.169.254/latest/meta-data/'],
    ['private', () => 'https://10.0.0.8/eingang'],
    ['localhost by name', () => 'http://localhost:8080/eingang'],
    ['IPv6 loopback', () => 'http://[::1]:8080/eingang'],
  ])('refuses a %s target at save time', async (_name, url) => {
    const result = await saveRoute(app.deps, app.tenantIds.get('magdeburg')!, {
      offeringId: await app.offeringId(),
      connectorId: 'webhook',
      label: 'intern',
      enabled: true,
      options: { url: url(), secret: SECRET },
    });
    expect(result).toEqual({ ok: false, problems: [expect.stringMatching(/^Die Ziel-URL ist nicht erlaubt/)] });
  });

  it('refuses it at call time too, before any byte leaves: dead at once, the receiver sees nothing', async () => {
    await app.addRoute('webhook', { url: r.url, secret: SECRET }, { skipCheck: true });
    await app.addRoute('webhook', { url: 'http://169.254.169.254/latest/', secret: SECRET }, { skipCheck: true });
    const id = await app.release();
    await app.worker().runOnce();
    const rows = await deliveriesOf(app, id);
    expect(rows.map((d) => d.state)).toEqual(['dead', 'dead']);
    for (const d of rows) expect(d.last_error).toMatch(/Outbound call refused/);
    expect(r.requests).toHaveLength(0);
  });
});
