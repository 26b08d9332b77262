import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoOidcOptions } from '../../src/modules/identity/demo-oidc/built-in.ts';
import { type DemoStaffCredential, seedDemoStaff } from '../../src/modules/staff/demo/seed.ts';
import { findStaffOidcConfig } from '../../src/modules/staff/oidc/config.ts';
import { totpCode } from '../../src/modules/staff/totp.ts';
import { Browser, csrfFrom, type TestApp } from '../helpers/app.ts';
import { createListeningApp } from '../identity-oidc/oidc-app.ts';

let t: TestApp;
let staff: DemoStaffCredential[];
beforeAll(async () => {
  t = await createListeningApp();
  staff = await seedDemoStaff(t.deps, t.tenantIds);
});
afterAll(async () => {
  await t?.close();
});

const who = (role: string, slug: string | null) => staff.find((s) => s.role === role && s.tenantSlug === slug)!;

async function logIn(account: DemoStaffCredential): Promise<Browser> {
  const browser = new Browser(t.app);
  const page = await browser.get('/backoffice/anmelden');
  const first = await browser.post('/backoffice/anmelden', {
    _csrf: csrfFrom(page.body),
    email: account.email,
    password: account.password,
  });
  expect(first.statusCode).toBe(303);
  const factor = await browser.get('/backoffice/zwei-faktor');
  const second = await browser.post('/backoffice/zwei-faktor', {
    _csrf: csrfFrom(factor.body),
    code: totpCode(account.totpSecret, t.clock.now()),
  });
  expect(second.headers.location).toBe('/backoffice');
  return browser;
}

const pagePath = '/admin/wernigerode/verwaltungskonto';

describe('tenant admin configures the staff OIDC login', () => {
  let admin: Browser;
  beforeAll(async () => {
    admin = await logIn(who('admin', 'wernigerode'));
  });

  it('refuses a broken configuration in plain words and keeps the values', async () => {
    const page = await admin.get(pagePath);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`${t.config.baseUrl}/backoffice/oidc/wernigerode/callback`);
    const res = await admin.post(pagePath, {
      _csrf: csrfFrom(page.body),
      issuer: `${t.config.baseUrl}/gibt-es-nicht`,
      clientId: 'backoffice',
      clientSecret: 'geheim',
      accountClaim: 'email',
      label: '',
    });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Die Einstellungen wurden nicht gespeichert');
    expect(res.body).toContain('nicht mit einer OpenID-Konfiguration');
    expect(res.body).toContain(`value="${t.config.baseUrl}/gibt-es-nicht"`);
    expect(res.body).not.toContain('geheim');
    expect(await findStaffOidcConfig(t.deps, t.tenantIds.get('wernigerode')!)).toBeUndefined();
  });

  it('saves a working configuration; the login page offers it; switching off removes it', async () => {
    const page = await admin.get(pagePath);
    const demo = demoOidcOptions(t.config, 'sac-backoffice');
    const res = await admin.post(pagePath, {
      _csrf: csrfFrom(page.body),
      issuer: demo.issuer,
      clientId: demo.clientId,
      clientSecret: demo.clientSecret,
      accountClaim: 'email',
      label: 'Dienstkonto',
    });
    expect(res.statusCode, res.body.slice(0, 2000)).toBe(303);
    const saved = await findStaffOidcConfig(t.deps, t.tenantIds.get('wernigerode')!);
    expect(saved).toMatchObject({ accountClaim: 'email', label: 'Dienstkonto' });
    expect(saved?.options).toMatchObject({ issuer: demo.issuer, clientSecret: demo.clientSecret });
    const login = await new Browser(t.app).get('/backoffice/anmelden');
    expect(login.body).toContain('Mit dem Konto der Verwaltung anmelden – Stadt Wernigerode (Dienstkonto)');

    // Saving again without a secret keeps the stored one.
    const again = await admin.get(pagePath);
    expect(again.body).toContain('Ein Geheimnis ist gespeichert');
    await admin.post(pagePath, {
      _csrf: csrfFrom(again.body),
      issuer: demo.issuer,
      clientId: demo.clientId,
      clientSecret: '',
      accountClaim: 'email',
      label: 'Dienstkonto',
    });
    expect((await findStaffOidcConfig(t.deps, t.tenantIds.get('wernigerode')!))?.options.clientSecret).toBe(
      demo.clientSecret,
    );

    const off = await admin.post(pagePath, { _csrf: csrfFrom(again.body), entfernen: '1' });
    expect(off.statusCode).toBe(303);
    expect(await findStaffOidcConfig(t.deps, t.tenantIds.get('wernigerode')!)).toBeUndefined();
  });

  it('is closed to caseworkers, other municipalities’ admins and visitors (404 / login)', async () => {
    const caseworker = await logIn(who('caseworker', 'wernigerode'));
    expect((await caseworker.get(pagePath)).statusCode).toBe(404);
    const otherAdmin = await logIn(who('admin', 'magdeburg'));
    expect((await otherAdmin.get(pagePath)).statusCode).toBe(404);
    const csrf = csrfFrom((await otherAdmin.get('/admin/magdeburg/verwaltungskonto')).body);
    expect((await otherAdmin.post(pagePath, { _csrf: csrf, entfernen: '1' })).statusCode).toBe(404);
    const visitor = await new Browser(t.app).get(pagePath);
    expect(visitor.statusCode).toBe(303);
    expect(visitor.headers.location).toBe('/backoffice/anmelden');
  });
});
