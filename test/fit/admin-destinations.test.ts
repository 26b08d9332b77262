import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DestinationKeyPair } from '../../src/modules/delivery/crypto/keys.ts';
import type { ClientCredentials } from '../../src/modules/delivery/fit/credentials.ts';
import { findDestination } from '../../src/modules/delivery/fit/destinations.ts';
import { listRoutes } from '../../src/modules/delivery/routes-config/repo.ts';
import { type DemoStaffCredential, seedDemoStaff } from '../../src/modules/staff/demo/seed.ts';
import { totpCode } from '../../src/modules/staff/totp.ts';
import { scoped } from '../../src/platform/db/scope.ts';
import { createDeliveryTestApp, type DeliveryTestApp, deliveriesOf } from '../delivery-outbox/setup.ts';
import { Browser, csrfFrom } from '../helpers/app.ts';
import { postCode, postPassword } from '../staff/staff-app.ts';
import { registerKeys, testKeys } from './helpers.ts';

const engine = process.env.SAC_TEST_DB ?? 'pglite';
const CALLBACK_SECRET = 'callback-secret-0123456789-abcdefghijklmnop';
const base = '/admin/magdeburg/fit-zustellpunkte';

/** The municipality's admin pages for FIT destinations and clients, and the fit-connect route form (issue 6). */
describe(`FIT destinations in the municipality's administration on ${engine}`, () => {
  let app: DeliveryTestApp;
  let staff: DemoStaffCredential[];
  let keys: DestinationKeyPair;
  const account = (role: string, slug: string | null) => staff.find((s) => s.role === role && s.tenantSlug === slug)!;
  const magdeburg = () => app.tenantIds.get('magdeburg')!;

  async function logIn(who: DemoStaffCredential): Promise<Browser> {
    app.clock.advance(30_000); // a TOTP code is accepted once per time step
    const browser = new Browser(app.app);
    expect((await postPassword(browser, who.email, who.password)).statusCode).toBe(303);
    expect((await postCode(browser, totpCode(who.totpSecret, app.clock.now()))).statusCode).toBe(303);
    return browser;
  }

  /** Creates a destination through the form; returns its id. */
  async function createDestination(browser: Browser, name: string, slug = 'magdeburg'): Promise<string> {
    const page = await browser.get(`/admin/${slug}/fit-zustellpunkte`);
    const res = await browser.post(`/admin/${slug}/fit-zustellpunkte`, { _csrf: csrfFrom(page.body), name });
    expect(res.statusCode).toBe(303);
    const id = /fit-zustellpunkte\/([0-9a-f-]{36})\?angelegt=1$/.exec(res.headers.location as string)?.[1];
    expect(id).toBeTruthy();
    return id!;
  }

  /** Creates a client through the form; returns the credentials shown once. */
  async function createClient(browser: Browser, destinationPath: string, label: string) {
    const page = await browser.get(destinationPath);
    const res = await browser.post(`${destinationPath}/zugaenge`, { _csrf: csrfFrom(page.body), label });
    expect(res.statusCode).toBe(200);
    const credentials: ClientCredentials = {
      clientId: /<code id="client-id">([^<]+)<\/code>/.exec(res.body)![1]!,
      clientSecret: /<code id="client-secret">([^<]+)<\/code>/.exec(res.body)![1]!,
    };
    return { res, credentials };
  }

  const tokenRequest = (c: ClientCredentials) =>
    app.app.inject({
      method: 'POST',
      url: '/api/v1/fit/token',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: c.clientId,
        client_secret: c.clientSecret,
      }).toString(),
    });

  beforeAll(async () => {
    app = await createDeliveryTestApp({
      SAC_OUTBOUND_ALLOW_HTTP: '1',
      // Allowed without a DNS lookup; 127.0.0.1 stays forbidden (it is not on the list).
      SAC_OUTBOUND_ALLOW_HOSTS: 'fachverfahren.test',
    });
    staff = await seedDemoStaff(app.deps, app.tenantIds);
    keys = await testKeys();
  }, 60_000);
  afterAll(() => app.close());

  it('an admin creates a destination and a client; the secret works once shown, the keys make it active, revoking ends it', async () => {
    const browser = await logIn(account('admin', 'magdeburg'));
    const list = await browser.get(base);
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('Noch kein Zustellpunkt eingerichtet.');

    const created = await browser.post(base, {
      _csrf: csrfFrom(list.body),
      name: 'Standesamt – Personenstandsregister',
      callbackUrl: 'http://fachverfahren.test/fit-callback',
      callbackSecret: CALLBACK_SECRET,
    });
    expect(created.statusCode).toBe(303);
    const destinationPath = (created.headers.location as string).replace(/\?.*$/, '');
    const destinationId = destinationPath.split('/').pop()!;
    const destination = await findDestination(app.deps.database.db, app.deps.cipher, magdeburg(), destinationId);
    expect(destination).toMatchObject({
      name: 'Standesamt – Personenstandsregister',
      status: 'created',
      callbackUrl: 'http://fachverfahren.test/fit-callback',
      callbackSecret: CALLBACK_SECRET,
    });
    const raw = await scoped(app.deps.database.db, magdeburg())
      .selectFrom('fit_destinations')
      .select('callback_secret')
      .where('id', '=', destinationId)
      .executeTakeFirstOrThrow();
    expect(raw.callback_secret).not.toContain(CALLBACK_SECRET);

    const detail = await browser.get(created.headers.location as string);
    expect(detail.statusCode).toBe(200);
    expect(detail.headers['cache-control']).toBe('no-store');
    expect(detail.body).toContain('Zustellpunkt angelegt');
    expect(detail.body).toContain('wartet auf Schlüssel');
    expect(detail.body).toContain(destinationId);
    expect(detail.body).toContain(`${app.config.baseUrl}/api/v1/fit/token`);
    expect(detail.body).toContain(`${app.config.baseUrl}/api/v1/fit</code>`);
    expect(detail.body).toContain('href="/doku/integration/fit-connect.md"');
    expect(detail.body).toContain('Noch kein Zugang angelegt.');

    const { res: shown, credentials } = await createClient(browser, destinationPath, 'Hersteller Personenstand GmbH');
    expect(shown.headers['cache-control']).toBe('no-store');
    expect(shown.body).toContain('Das Client-Secret wird nur dieses eine Mal angezeigt.');
    expect(credentials.clientSecret.length).toBeGreaterThanOrEqual(43);
    // Stored only as its hash; the page shows it once and never again.
    const client = await scoped(app.deps.database.db, magdeburg())
      .selectFrom('fit_clients')
      .selectAll()
      .where('client_id', '=', credentials.clientId)
      .executeTakeFirstOrThrow();
    expect(client).toMatchObject({ destination_id: destinationId, scopes: 'subscribe feedback', revoked_at: null });
    expect(client.secret_hash).not.toContain(credentials.clientSecret);
    const again = await browser.get(destinationPath);
    expect(again.body).toContain(credentials.clientId);
    expect(again.body).toContain('Hersteller Personenstand GmbH');
    expect(again.body).not.toContain(credentials.clientSecret);

    // A real OAuth2 client-credentials call, then the Fachverfahren registers its keys with the token.
    const token = await tokenRequest(credentials);
    expect(token.statusCode).toBe(200);
    expect(token.json()).toMatchObject({ token_type: 'Bearer', scope: 'subscribe feedback' });
    const accessToken = token.json().access_token as string;
    const d = { tenantId: magdeburg(), destinationId, subscriber: credentials, sender: credentials };
    await registerKeys(app, d, keys);
    const active = await browser.get(destinationPath);
    expect(active.body).toContain('aktiv');
    expect(active.body).not.toContain('wartet auf Schlüssel');
    expect(active.body).toContain(keys.encryptionPublicJwk.kid!);
    expect(active.body).toContain(keys.signingPublicJwk.kid!);
    const overview = await browser.get(base);
    expect(overview.body).toContain('Standesamt – Personenstandsregister');
    expect(overview.body).toContain(keys.signingPublicJwk.kid!);
    expect(overview.body).toContain('0 Anträge');
    expect(overview.body).not.toContain('wartet auf Schlüssel');

    const revoked = await browser.post(`${destinationPath}/zugaenge/${credentials.clientId}/widerrufen`, {
      _csrf: csrfFrom(active.body),
    });
    expect(revoked.statusCode).toBe(303);
    expect(revoked.headers.location).toBe(`${destinationPath}?widerrufen=1`);
    expect((await browser.get(revoked.headers.location as string)).body).toMatch(/widerrufen am \d/);
    expect((await tokenRequest(credentials)).statusCode).toBe(401);
    // A token issued before the revocation stops working at once.
    const withOldToken = await app.app.inject({
      method: 'GET',
      url: `/api/v1/fit/destinations/${destinationId}`,
      headers: { authorization: `Bearer ${accessToken}` },
    });
    expect(withOldToken.statusCode).toBe(401);

    const audit = await app.deps.database.db
      .selectFrom('audit_events')
      .select(['action', 'actor', 'details'])
      .where('tenant_id', '=', magdeburg())
      .where('object_id', '=', destinationId)
      .orderBy('at')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['fit.destination_created', 'fit.client_created', 'fit.client_revoked']);
    expect(JSON.stringify(audit)).not.toContain(credentials.clientSecret);
    expect(JSON.stringify(audit)).not.toContain(CALLBACK_SECRET);
  });

  it('invalid input shows German errors on the same page with the values kept', async () => {
    const browser = await logIn(account('admin', 'magdeburg'));
    const csrf = csrfFrom((await browser.get(base)).body);
    const bad = await browser.post(base, { _csrf: csrf, name: '', callbackUrl: 'kein-link', callbackSecret: 'kurz' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('<title>Fehler:');
    expect(bad.body).toContain('Es gibt 3 Fehler');
    expect(bad.body).toContain('Bitte geben Sie einen Namen für den Zustellpunkt ein.');
    expect(bad.body).toContain('Bitte geben Sie eine vollständige Adresse ein');
    expect(bad.body).toContain('Das Callback-Geheimnis muss mindestens 32 Zeichen lang sein.');
    expect(bad.body).toContain('value="kein-link"');
    expect(bad.body).not.toContain('value="kurz"');

    // The same SSRF check as the API's callback registration: loopback is not on the operator's list.
    const internal = await browser.post(base, {
      _csrf: csrf,
      name: 'Intern',
      callbackUrl: 'http://127.0.0.1:8080/fit-callback',
      callbackSecret: CALLBACK_SECRET,
    });
    expect(internal.statusCode).toBe(422);
    expect(internal.body).toContain('Die Callback-Adresse zeigt auf eine interne Adresse.');
    expect(internal.body).toContain('value="Intern"');
    expect(internal.body).toContain('value="http://127.0.0.1:8080/fit-callback"');
    const scheme = await browser.post(base, {
      _csrf: csrf,
      name: 'Dateiablage',
      callbackUrl: 'ftp://fachverfahren.test/x',
      callbackSecret: CALLBACK_SECRET,
    });
    expect(scheme.body).toContain('Die Callback-Adresse muss mit https:// oder http:// beginnen.');
    const secretOnly = await browser.post(base, { _csrf: csrf, name: 'Ohne', callbackSecret: CALLBACK_SECRET });
    expect(secretOnly.body).toContain('Bitte geben Sie die Callback-Adresse ein oder lassen Sie das Geheimnis leer.');
    const urlOnly = await browser.post(base, { _csrf: csrf, name: 'Ohne', callbackUrl: 'http://fachverfahren.test/' });
    expect(urlOnly.body).toContain('Bitte geben Sie zur Callback-Adresse ein Geheimnis');
    const none = await scoped(app.deps.database.db, magdeburg())
      .selectFrom('fit_destinations')
      .select('name')
      .where('name', 'in', ['', 'Intern', 'Dateiablage', 'Ohne'])
      .execute();
    expect(none).toEqual([]);

    const id = await createDestination(browser, 'Ordnungsamt');
    const page = await browser.get(`${base}/${id}`);
    const noLabel = await browser.post(`${base}/${id}/zugaenge`, { _csrf: csrfFrom(page.body), label: '   ' });
    expect(noLabel.statusCode).toBe(422);
    expect(noLabel.body).toContain('Bitte geben Sie eine Bezeichnung für den Zugang ein.');
    const tooLong = await browser.post(`${base}/${id}/zugaenge`, {
      _csrf: csrfFrom(page.body),
      label: 'x'.repeat(121),
    });
    expect(tooLong.statusCode).toBe(422);
    expect(tooLong.body).toContain('höchstens 120 Zeichen');
    expect(tooLong.body).toContain(`value="${'x'.repeat(121)}"`);
    const clients = await scoped(app.deps.database.db, magdeburg())
      .selectFrom('fit_clients')
      .select('client_id')
      .where('destination_id', '=', id)
      .execute();
    expect(clients).toEqual([]);
  });

  it('another municipality’s admin gets 404, caseworkers too; a POST without the CSRF token is refused', async () => {
    const admin = await logIn(account('admin', 'magdeburg'));
    const id = await createDestination(admin, 'Standesamt Magdeburg');
    const { credentials } = await createClient(admin, `${base}/${id}`, 'Hersteller');

    const other = await logIn(account('admin', 'halberstadt'));
    expect((await other.get(base)).statusCode).toBe(404);
    expect((await other.get(`${base}/${id}`)).statusCode).toBe(404);
    expect((await other.get(`/admin/halberstadt/fit-zustellpunkte/${id}`)).statusCode).toBe(404);
    expect((await other.get('/admin/halberstadt/fit-zustellpunkte/kein-uuid')).statusCode).toBe(404);
    const own = await other.get('/admin/halberstadt/fit-zustellpunkte');
    expect(own.statusCode).toBe(200);
    expect(own.body).not.toContain(id);
    const csrf = csrfFrom(own.body);
    const foreign = `/admin/halberstadt/fit-zustellpunkte/${id}`;
    expect((await other.post(`${foreign}/zugaenge`, { _csrf: csrf, label: 'Fremd' })).statusCode).toBe(404);
    expect(
      (await other.post(`${foreign}/zugaenge/${credentials.clientId}/widerrufen`, { _csrf: csrf })).statusCode,
    ).toBe(404);
    expect((await other.post(`${base}/${id}/zugaenge`, { _csrf: csrf, label: 'Fremd' })).statusCode).toBe(404);
    // A client of another destination of the same municipality is not found under this one.
    const second = await createDestination(admin, 'Bürgeramt');
    const secondPage = await admin.get(`${base}/${second}`);
    expect(
      (
        await admin.post(`${base}/${second}/zugaenge/${credentials.clientId}/widerrufen`, {
          _csrf: csrfFrom(secondPage.body),
        })
      ).statusCode,
    ).toBe(404);
    expect((await tokenRequest(credentials)).statusCode).toBe(200);

    const caseworker = await logIn(account('caseworker', 'magdeburg'));
    expect((await caseworker.get(base)).statusCode).toBe(404);
    expect((await caseworker.get(`${base}/${id}`)).statusCode).toBe(404);
    const stranger = new Browser(app.app);
    expect((await stranger.get(base)).headers.location).toBe('/backoffice/anmelden');
    expect((await stranger.get(`${base}/${id}`)).headers.location).toBe('/backoffice/anmelden');

    const count = async () =>
      (await scoped(app.deps.database.db, magdeburg()).selectFrom('fit_clients').select('client_id').execute()).length;
    const before = await count();
    expect((await admin.post(base, { name: 'Ohne Token' })).statusCode).toBe(403);
    expect((await admin.post(`${base}/${id}/zugaenge`, { label: 'Ohne Token' })).statusCode).toBe(403);
    expect((await admin.post(`${base}/${id}/zugaenge/${credentials.clientId}/widerrufen`, {})).statusCode).toBe(403);
    expect(await count()).toBe(before);
    expect((await tokenRequest(credentials)).statusCode).toBe(200);
    const names = await scoped(app.deps.database.db, magdeburg())
      .selectFrom('fit_destinations')
      .select('name')
      .where('name', '=', 'Ohne Token')
      .execute();
    expect(names).toEqual([]);
  });

  it('a fit-connect route created through the form delivers: the released application waits encrypted at the destination', async () => {
    const admin = await logIn(account('admin', 'magdeburg'));
    const pending = await createDestination(admin, 'Noch ohne Schlüssel');
    const id = await createDestination(admin, 'Standesamt mit Schlüsseln');
    const { credentials } = await createClient(admin, `${base}/${id}`, 'Hersteller');
    await registerKeys(
      app,
      { tenantId: magdeburg(), destinationId: id, subscriber: credentials, sender: credentials },
      keys,
    );
    const otherAdmin = await logIn(account('admin', 'halberstadt'));
    const foreign = await createDestination(otherAdmin, 'Halberstädter Zustellpunkt', 'halberstadt');

    const list = await admin.get('/admin/magdeburg/zustellwege');
    expect(list.body).toContain('href="/admin/magdeburg/zustellwege/neu?art=fit-connect"');
    const form = await admin.get('/admin/magdeburg/zustellwege/neu?art=fit-connect');
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain(`<option value="${id}">Standesamt mit Schlüsseln</option>`);
    expect(form.body).toContain(`<option value="${pending}">Noch ohne Schlüssel (wartet auf Schlüssel)</option>`);
    expect(form.body).not.toContain(foreign);
    const offeringId = await app.offeringId();
    const post = (destinationId: string) =>
      admin.post('/admin/magdeburg/zustellwege/neu?art=fit-connect', {
        _csrf: csrfFrom(form.body),
        offeringId,
        label: 'Personenstandsregister',
        destinationId,
        enabled: '1',
      });

    const none = await post('');
    expect(none.statusCode).toBe(422);
    expect(none.body).toContain('Bitte wählen Sie einen FIT-Connect-Zustellpunkt aus.');
    expect(none.body).toContain('value="Personenstandsregister"');
    for (const wrong of [foreign, 'kein-zustellpunkt']) {
      const res = await post(wrong);
      expect(res.statusCode).toBe(422);
      expect(res.body).toContain('Bitte wählen Sie einen Zustellpunkt Ihrer Kommune aus der Liste aus.');
    }
    const withoutKeys = await post(pending);
    expect(withoutKeys.statusCode).toBe(422);
    expect(withoutKeys.body).toContain(
      'Für diesen Zustellpunkt hat das Fachverfahren noch keine Schlüssel hinterlegt. Sie können ihn wählen, sobald er aktiv ist.',
    );
    expect(withoutKeys.body).toContain(`<option value="${pending}" selected>`);
    expect(await listRoutes(app.deps, magdeburg())).toEqual([]);

    const saved = await post(id);
    expect(saved.statusCode).toBe(303);
    const [route] = await listRoutes(app.deps, magdeburg());
    expect(route).toMatchObject({ connectorId: 'fit-connect', enabled: true, options: { destinationId: id } });
    const routes = await admin.get('/admin/magdeburg/zustellwege');
    expect(routes.body).toContain('Zustellpunkt „Standesamt mit Schlüsseln“');
    expect(routes.body).toContain(`href="/admin/magdeburg/zustellwege/${route!.id}"`);
    const edit = await admin.get(`/admin/magdeburg/zustellwege/${route!.id}`);
    expect(edit.statusCode).toBe(200);
    expect(edit.body).toContain(`<option value="${id}" selected>`);
    const relabelled = await admin.post(`/admin/magdeburg/zustellwege/${route!.id}`, {
      _csrf: csrfFrom(edit.body),
      offeringId,
      label: 'Personenstandsregister (FIT)',
      destinationId: id,
      enabled: '1',
    });
    expect(relabelled.statusCode).toBe(303);
    expect((await listRoutes(app.deps, magdeburg()))[0]).toMatchObject({
      label: 'Personenstandsregister (FIT)',
      options: { destinationId: id },
    });

    const submissionId = await app.release();
    await app.worker().runOnce();
    expect((await deliveriesOf(app, submissionId)).map((d) => d.state)).toEqual(['delivered']);
    const stored = await scoped(app.deps.database.db, magdeburg())
      .selectFrom('fit_submissions')
      .select(['destination_id', 'status', 'encrypted_data'])
      .where('sac_submission_id', '=', submissionId)
      .execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ destination_id: id, status: 'submitted' });
    expect(stored[0]!.encrypted_data).not.toContain('Mustermann');
    expect((await admin.get(`${base}/${id}`)).body).toContain('1 Antrag');
  });

  it('serves the vendor documentation the page links, and nothing else from the docs folder', async () => {
    const doc = await app.app.inject({ method: 'GET', url: '/doku/integration/fit-connect.md' });
    expect(doc.statusCode).toBe(200);
    expect(doc.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(doc.body).toContain('FIT-Connect');
    expect((await app.app.inject({ method: 'GET', url: '/doku/integration/feedback.md' })).statusCode).toBe(200);
    for (const url of ['/doku/integration/..%2F..%2Fpackage.json', '/doku/integration/glossary.md']) {
      expect((await app.app.inject({ method: 'GET', url })).statusCode).toBe(404);
    }
  });
});
