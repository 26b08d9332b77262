import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoStaff } from '../../src/modules/staff/demo/seed.ts';
import { findStaffOidcConfig, listStaffOidcLogins, saveStaffOidcConfig } from '../../src/modules/staff/oidc/config.ts';
import { seedDemoStaffOidc } from '../../src/modules/staff/oidc/demo-seed.ts';
import { Browser, csrfFrom, type TestApp } from '../helpers/app.ts';
import { createListeningApp, hiddenFields, pathOf } from '../identity-oidc/oidc-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createListeningApp();
  await seedDemoStaff(t.deps, t.tenantIds);
  await seedDemoStaffOidc(t.deps, t.tenantIds);
});
afterAll(async () => {
  await t?.close();
});

/** Login page → "Mit dem Konto der Verwaltung anmelden" → demo provider → persona → callback response. */
async function staffOidcLogin(
  browser: Browser,
  tenant: string,
  persona: Record<string, string>,
  tamper?: (u: URL) => void,
) {
  const page = await browser.get('/backoffice/anmelden');
  const start = await browser.post(`/backoffice/oidc/${tenant}/anmelden`, { _csrf: csrfFrom(page.body) });
  expect(start.statusCode).toBe(303);
  const authorizeUrl = new URL(String(start.headers.location));
  expect(authorizeUrl.searchParams.get('client_id')).toBe('sac-backoffice');
  const authorize = await browser.get(pathOf(authorizeUrl.href));
  expect(authorize.statusCode).toBe(200);
  expect(authorize.body).toContain('Testsystem');
  const chosen = await browser.post('/demo/oidc/anmelden', { ...hiddenFields(authorize.body), ...persona });
  expect(chosen.statusCode, chosen.body.slice(0, 300)).toBe(303);
  const callback = new URL(String(chosen.headers.location));
  expect(callback.pathname).toBe(`/backoffice/oidc/${tenant}/callback`);
  tamper?.(callback);
  return browser.get(pathOf(callback.href));
}

async function failedOidcLogins(reason: string): Promise<number> {
  const rows = await t.deps.database.db
    .selectFrom('audit_events')
    .select('details')
    .where((eb) => eb.or([eb('tenant_id', 'is', null), eb('tenant_id', 'is not', null)]))
    .where('action', '=', 'staff.login_failed')
    .execute();
  return rows.filter((r) => {
    const d = (typeof r.details === 'string' ? JSON.parse(r.details) : r.details) as { reason?: string };
    return d?.reason === reason;
  }).length;
}

async function expectRefused(res: Awaited<ReturnType<typeof staffOidcLogin>>, browser: Browser) {
  expect(res.statusCode).toBe(403);
  expect(res.body).toContain('Anmeldung nicht möglich');
  expect(res.body).toContain('Landeshauptstadt Magdeburg');
  const landing = await browser.get('/backoffice');
  expect(landing.statusCode).toBe(303);
  expect(landing.headers.location).toBe('/backoffice/anmelden');
}

describe('staff login with the municipality’s OpenID provider', () => {
  it('is offered on the staff login page only for configured municipalities', async () => {
    const page = await new Browser(t.app).get('/backoffice/anmelden');
    expect(page.body).toContain(
      'Mit dem Konto der Verwaltung anmelden – Landeshauptstadt Magdeburg (Demo-OIDC, Testsystem)',
    );
    expect(page.body).toContain('Mit dem Konto der Verwaltung anmelden – Stadt Halberstadt (Demo-OIDC, Testsystem)');
    expect(page.body).toContain('action="/backoffice/oidc/magdeburg/anmelden"');
    expect(page.body).toContain('action="/backoffice/oidc/halberstadt/anmelden"');
    expect(page.body).not.toContain('/backoffice/oidc/wernigerode/');
    const res = await new Browser(t.app).post('/backoffice/oidc/wernigerode/anmelden', {
      _csrf: csrfFrom(page.body),
    });
    expect(res.statusCode).toBe(403); // CSRF token of another session
    const browser = new Browser(t.app);
    const own = await browser.get('/backoffice/anmelden');
    const unconfigured = await browser.post('/backoffice/oidc/wernigerode/anmelden', { _csrf: csrfFrom(own.body) });
    expect(unconfigured.statusCode).toBe(404);
  });

  it('stores the client secret encrypted', async () => {
    const row = await t.deps.database.db
      .selectFrom('staff_oidc_providers')
      .select('client_secret_enc')
      .where('tenant_id', '=', t.tenantIds.get('magdeburg')!)
      .executeTakeFirstOrThrow();
    const config = await findStaffOidcConfig(t.deps, t.tenantIds.get('magdeburg')!);
    expect(config?.options.clientSecret).toBeTruthy();
    expect(row.client_secret_enc).not.toContain(config!.options.clientSecret!);
  });

  it('logs a Magdeburg caseworker in: the same staff session as password + TOTP, new session id', async () => {
    const browser = new Browser(t.app);
    await browser.get('/backoffice/anmelden');
    const before = browser.cookies.get('sac_session');
    const res = await staffOidcLogin(browser, 'magdeburg', { persona: 'sachbearbeitung@magdeburg.demo' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/backoffice');
    expect(browser.cookies.get('sac_session')).not.toBe(before);
    const landing = await browser.get('/backoffice');
    expect(landing.statusCode).toBe(200);
    expect(landing.body).toContain('Landeshauptstadt Magdeburg');
    const audit = await t.deps.database.db
      .selectFrom('audit_events')
      .select(['details'])
      .where('tenant_id', '=', t.tenantIds.get('magdeburg')!)
      .where('action', '=', 'staff.login')
      .execute();
    expect(audit.length).toBeGreaterThan(0);
    // Logout ends it like any staff session.
    const logout = await browser.post('/backoffice/abmelden', { _csrf: csrfFrom(landing.body) });
    expect(logout.statusCode).toBe(303);
    expect((await browser.get('/backoffice')).statusCode).toBe(303);
  });

  it('refuses an account without a role in that municipality (German page, audit, no session)', async () => {
    const before = await failedOidcLogins('no_role_in_tenant');
    const browser = new Browser(t.app);
    const res = await staffOidcLogin(browser, 'magdeburg', { persona: 'sachbearbeitung@halberstadt.demo' });
    await expectRefused(res, browser);
    expect(await failedOidcLogins('no_role_in_tenant')).toBe(before + 1);
  });

  it('refuses a person the portal does not know, with the same answer', async () => {
    const before = await failedOidcLogins('unknown_account');
    const browser = new Browser(t.app);
    const res = await staffOidcLogin(browser, 'magdeburg', { persona: 'unbekannt@verwaltung.demo' });
    await expectRefused(res, browser);
    expect(await failedOidcLogins('unknown_account')).toBe(before + 1);
  });

  it('refuses a wrong state, a wrong audience and a replayed code', async () => {
    const a = new Browser(t.app);
    const before = await failedOidcLogins('wrong_state');
    await expectRefused(
      await staffOidcLogin(a, 'magdeburg', { persona: 'admin@magdeburg.demo' }, (u) =>
        u.searchParams.set('state', 'x'),
      ),
      a,
    );
    expect(await failedOidcLogins('wrong_state')).toBe(before + 1);

    const b = new Browser(t.app);
    const aud = await failedOidcLogins('wrong_audience');
    await expectRefused(
      await staffOidcLogin(b, 'magdeburg', { persona: 'admin@magdeburg.demo', fehlerfall: 'aud' }),
      b,
    );
    expect(await failedOidcLogins('wrong_audience')).toBe(aud + 1);

    const c = new Browser(t.app);
    let used = '';
    expect(
      (
        await staffOidcLogin(c, 'magdeburg', { persona: 'admin@magdeburg.demo' }, (u) => {
          used = u.searchParams.get('code')!;
        })
      ).statusCode,
    ).toBe(303);
    const d = new Browser(t.app);
    const replays = await failedOidcLogins('code_rejected');
    await expectRefused(
      await staffOidcLogin(d, 'magdeburg', { persona: 'sachbearbeitung@magdeburg.demo' }, (u) =>
        u.searchParams.set('code', used),
      ),
      d,
    );
    expect(await failedOidcLogins('code_rejected')).toBe(replays + 1);
  });

  it('a callback for another municipality than the one started is refused', async () => {
    const browser = new Browser(t.app);
    const res = await staffOidcLogin(browser, 'halberstadt', { persona: 'sachbearbeitung@halberstadt.demo' }, (u) => {
      u.pathname = '/backoffice/oidc/magdeburg/callback';
    });
    await expectRefused(res, browser);
  });

  it('can be configured and listed per municipality', async () => {
    await saveStaffOidcConfig(t.deps, t.tenantIds.get('wernigerode')!, {
      issuer: 'https://login.wernigerode.example',
      clientId: 'backoffice',
      label: 'Dienstkonto Wernigerode',
    });
    const logins = await listStaffOidcLogins(t.deps.database.db);
    expect(logins.map((l) => l.slug).sort()).toEqual(['halberstadt', 'magdeburg', 'wernigerode']);
    expect(logins.find((l) => l.slug === 'wernigerode')).toMatchObject({
      tenantName: 'Stadt Wernigerode',
      label: 'Dienstkonto Wernigerode',
    });
  });
});
