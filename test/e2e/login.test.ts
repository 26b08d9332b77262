import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoStaffCredential, demoStaffPassword, seedDemoStaff } from '../../src/modules/staff/demo/seed.ts';
import { seedDemoStaffOidc } from '../../src/modules/staff/oidc/demo-seed.ts';
import { totpCode } from '../../src/modules/staff/totp.ts';
import type { TestApp } from '../helpers/app.ts';
import { createListeningApp } from '../identity-oidc/oidc-app.ts';
import { checkA11y, launchChromium, openPage, tabUntil } from './harness.ts';

/**
 * Login pages in a real browser: the citizen login page, the demo SAML IdP, the demo OpenID provider,
 * the staff login with second factor and the municipality's OIDC. This file runs its own server whose
 * SAC_BASE_URL is its real address, because both demo providers send the browser (and the OIDC client
 * its token requests) to that address.
 */
let t: TestApp;
let browser: Browser;
let staff: DemoStaffCredential[];
const url = (path: string) => `${t.config.baseUrl}${path}`;

beforeAll(async () => {
  t = await createListeningApp();
  staff = await seedDemoStaff(t.deps, t.tenantIds);
  await seedDemoStaffOidc(t.deps, t.tenantIds);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

const loginPath = '/konto/anmelden?niveau=hoch&zurueck=%2Fmagdeburg';

async function citizenIn(page: Page) {
  const res = await page.context().request.get(url('/test/citizen'));
  return (await res.json()).citizen;
}

/** Tabs to the button or link whose text contains `text` and presses Enter. */
async function activate(page: Page, text: string) {
  const f = await tabUntil(page, (x) => (x.tag === 'button' || x.tag === 'a') && x.text.includes(text));
  expect(f.indicator).toBe(true);
  await page.keyboard.press('Enter');
}

// A loaded machine makes Chromium slow; these journeys span several pages each.
describe('citizen login pages', { timeout: 90_000 }, () => {
  it('the login page and the failure page have no axe violations', async () => {
    const page = await openPage(browser, url(loginPath));
    expect(await page.textContent('h1')).toContain('Anmelden');
    await checkA11y(page, 'citizen login page');
    const failed = await openPage(browser, url('/konto/oidc/demo-oidc/callback?code=x&state=y'), { status: 400 });
    expect(await failed.textContent('h1')).toContain('Anmeldung fehlgeschlagen');
    await checkA11y(failed, 'login failed page');
    await page.context().close();
    await failed.context().close();
  });

  it('the demo SAML IdP pages have no axe violations', async () => {
    const page = await openPage(browser, url(loginPath));
    await page.getByRole('button', { name: 'Anmelden mit Demo-BundID (Testsystem)' }).click();
    await page.waitForURL(/\/demo\/idp\/sso$/);
    expect(await page.textContent('body')).toContain('Testsystem');
    await checkA11y(page, 'demo SAML IdP persona page');
    await page.context().close();
    const slo = await openPage(browser, url('/demo/idp/slo'));
    await checkA11y(slo, 'demo SAML IdP logout page');
    await slo.context().close();
  });

  it('the demo OIDC provider pages have no axe violations', async () => {
    const page = await openPage(browser, url(loginPath));
    await page.getByRole('button', { name: 'Anmelden mit Demo-OIDC (Testsystem)' }).click();
    await page.waitForURL(/\/demo\/oidc\/authorize\?/);
    expect(await page.textContent('body')).toContain('Testsystem');
    await checkA11y(page, 'demo OIDC authorization page (citizen)');
    const bad = new URL(page.url());
    bad.searchParams.set('redirect_uri', 'https://evil.example/cb');
    const refused = await openPage(browser, bad.href, { status: 400 });
    await checkA11y(refused, 'demo OIDC refusal page');
    await page.context().close();
    await refused.context().close();
  });

  it('keyboard only: Erika logs in through the demo SAML IdP', async () => {
    const page = await openPage(browser, url(loginPath));
    await activate(page, 'Anmelden mit Demo-BundID');
    await page.waitForURL(/\/demo\/idp\/sso$/);
    // Erika is the first persona and preselected; the arrow keys would choose another.
    const radio = await tabUntil(page, (f) => f.tag === 'input' && f.id === 'p-erika');
    expect(radio.indicator).toBe(true);
    await activate(page, 'Als Testperson anmelden');
    await page.waitForURL(url('/magdeburg'));
    expect(await citizenIn(page)).toMatchObject({ provider: 'demo-bundid', trustLevel: 'hoch' });
    await page.context().close();
  });

  it('keyboard only: Erika logs in through the demo OpenID provider', async () => {
    const page = await openPage(browser, url(loginPath));
    await activate(page, 'Anmelden mit Demo-OIDC');
    await page.waitForURL(/\/demo\/oidc\/authorize\?/);
    const radio = await tabUntil(page, (f) => f.tag === 'input' && f.id === 'p-erika');
    expect(radio.indicator).toBe(true);
    await activate(page, 'Als Testperson anmelden');
    await page.waitForURL(url('/magdeburg'));
    const citizen = await citizenIn(page);
    expect(citizen).toMatchObject({ provider: 'demo-oidc', trustLevel: 'hoch', attributes: { givenName: 'Erika' } });
    await page.context().close();
  });
});

describe('staff login pages', { timeout: 90_000 }, () => {
  it('login, error state and second factor pages have no axe violations', async () => {
    const page = await openPage(browser, url('/backoffice/anmelden'));
    expect(await page.textContent('body')).toContain('Mit dem Konto der Verwaltung anmelden');
    await checkA11y(page, 'staff login page');
    await page.fill('#email', 'sachbearbeitung@magdeburg.demo');
    await page.fill('#password', 'falsch');
    await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
    await page.waitForSelector('#fehler');
    await checkA11y(page, 'staff login error');
    await page.fill('#password', demoStaffPassword);
    await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
    await page.waitForURL(/\/backoffice\/zwei-faktor$/);
    await checkA11y(page, 'staff second factor page');
    await page.context().close();
  });

  it('the staff OIDC pages have no axe violations', async () => {
    const oidc = await openPage(browser, url('/backoffice/anmelden'));
    await oidc.getByRole('button', { name: /Konto der Verwaltung anmelden – Landeshauptstadt Magdeburg/ }).click();
    await oidc.waitForURL(/\/demo\/oidc\/authorize\?/);
    await checkA11y(oidc, 'demo OIDC authorization page (staff)');
    await oidc.getByLabel(/unbekannt@verwaltung\.demo/).check();
    await oidc.getByRole('button', { name: 'Als Testperson anmelden' }).click();
    await oidc.waitForSelector('h1:has-text("Anmeldung nicht möglich")');
    await checkA11y(oidc, 'staff OIDC refused page');
    await oidc.context().close();
  });

  it('the admin page of the staff OIDC login has no axe violations, also with problems', async () => {
    const page = await openPage(browser, url('/backoffice/anmelden'));
    await page.fill('#email', 'admin@magdeburg.demo');
    await page.fill('#password', demoStaffPassword);
    await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
    await page.waitForURL(/\/backoffice\/zwei-faktor$/);
    const secret = staff.find((s) => s.email === 'admin@magdeburg.demo')!.totpSecret;
    await page.fill('#code', totpCode(secret, t.clock.now()));
    await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
    await page.waitForURL(url('/backoffice'));
    await page.goto(url('/admin/magdeburg/verwaltungskonto'));
    await checkA11y(page, 'staff OIDC admin page');
    await page.fill('#issuer', `${t.config.baseUrl}/gibt-es-nicht`);
    await page.getByRole('button', { name: 'Prüfen und speichern' }).click();
    await page.waitForSelector('#fehler');
    await checkA11y(page, 'staff OIDC admin page with problems');
    await page.context().close();
  });

  it('keyboard only: a Magdeburg caseworker logs in with the administration account', async () => {
    const page = await openPage(browser, url('/backoffice/anmelden'));
    await activate(page, 'Mit dem Konto der Verwaltung anmelden – Landeshauptstadt Magdeburg');
    await page.waitForURL(/\/demo\/oidc\/authorize\?/);
    const first = await tabUntil(page, (f) => f.tag === 'input' && f.id === 'p-0');
    expect(first.indicator).toBe(true);
    await activate(page, 'Als Testperson anmelden');
    await page.waitForURL(url('/backoffice'));
    expect(await page.textContent('body')).toContain('Sachbearbeitung');
    await page.context().close();
  });
});
