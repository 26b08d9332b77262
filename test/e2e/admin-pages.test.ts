import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoCatalog } from '../../src/modules/catalog/demo/seed.ts';
import { type DemoStaffCredential, seedDemoStaff } from '../../src/modules/staff/demo/seed.ts';
import { totpCode } from '../../src/modules/staff/totp.ts';
import type { ManualClock } from '../../src/platform/clock.ts';
import type { TestApp } from '../helpers/app.ts';
import { createListeningApp } from '../identity-oidc/oidc-app.ts';
import { checkA11y, launchChromium, openPage } from './harness.ts';

/**
 * The admin pages in a real browser, axe-clean: the /admin landing page, payments, delivery routes (list and
 * the new-route form with errors), FIT destinations (list, errors, detail, a new client's one-time secret, the
 * fit-connect route form) and the operator's delivery monitor.
 *
 * This file runs its own server instead of the shared one: the staff login needs the demo staff seeded into
 * the server's database and a TOTP code computed with the server's clock (a frozen ManualClock). A test
 * against the shared server can do neither, so its login never reaches the landing page and a
 * `waitForURL` waits until the test times out.
 */
let t: TestApp;
let browser: Browser;
let staff: DemoStaffCredential[];
const url = (path: string) => `${t.config.baseUrl}${path}`;

beforeAll(async () => {
  t = await createListeningApp();
  await seedDemoCatalog(t.deps, t.tenantIds);
  staff = await seedDemoStaff(t.deps, t.tenantIds);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

/** Password and TOTP through the real pages; each TOTP step is accepted only once, so the clock moves on. */
async function logIn(email: string): Promise<Page> {
  (t.clock as ManualClock).advance(60_000);
  const page = await openPage(browser, url('/backoffice/anmelden'));
  await page.fill('#email', email);
  await page.fill('#password', staff.find((s) => s.email === email)!.password);
  await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
  await page.waitForURL(/\/backoffice\/zwei-faktor$/);
  const secret = staff.find((s) => s.email === email)!.totpSecret;
  await page.fill('#code', totpCode(secret, t.clock.now()));
  await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
  await page.waitForURL(url('/backoffice'));
  return page;
}

async function visit(page: Page, path: string) {
  const response = await page.goto(url(path), { waitUntil: 'load' });
  expect(response?.status()).toBe(200);
}

// A loaded machine makes Chromium slow; each test spans a login and several pages.
describe('admin pages', { timeout: 120_000 }, () => {
  it('a Magdeburg tenant admin: landing, payments, delivery routes and the new-route form with errors', async () => {
    const page = await logIn('admin@magdeburg.demo');
    await visit(page, '/admin');
    expect(await page.getAttribute('a[href="/admin/magdeburg/zahlungen"]', 'href')).toBe('/admin/magdeburg/zahlungen');
    await checkA11y(page, 'admin landing (tenant admin)');

    await page.click('a[href="/admin/magdeburg/zahlungen"]');
    await page.waitForURL(url('/admin/magdeburg/zahlungen'));
    expect(await page.textContent('h1')).toContain('Zahlungen');
    await checkA11y(page, 'payments admin page');

    await visit(page, '/admin/magdeburg/zustellwege');
    await checkA11y(page, 'delivery routes list');
    await page.click('a[href="/admin/magdeburg/zustellwege/neu?art=webhook"]');
    await page.waitForURL(/\/zustellwege\/neu\?art=webhook$/);
    await checkA11y(page, 'new delivery route form');
    await page.fill('input[name="label"]', 'Fachverfahren');
    await page.fill('input[name="url"]', 'kein-link');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.waitForSelector('#fehlerliste');
    expect(await page.inputValue('input[name="label"]')).toBe('Fachverfahren');
    expect(await page.textContent('#fehlerliste')).toContain('Adresse');
    await checkA11y(page, 'new delivery route form with errors');
    await page.context().close();
  });

  it('a Magdeburg tenant admin: FIT destinations with errors, a destination with a new client, the fit-connect route form', async () => {
    const page = await logIn('admin@magdeburg.demo');
    await visit(page, '/admin');
    await page.click('a[href="/admin/magdeburg/fit-zustellpunkte"]');
    await page.waitForURL(url('/admin/magdeburg/fit-zustellpunkte'));
    expect(await page.textContent('h1')).toContain('FIT-Connect-Zustellpunkte');
    await checkA11y(page, 'FIT destinations list');

    await page.fill('input[name="callbackUrl"]', 'kein-link');
    await page.getByRole('button', { name: 'Zustellpunkt anlegen' }).click();
    await page.waitForSelector('#fehlerliste');
    expect(await page.inputValue('input[name="callbackUrl"]')).toBe('kein-link');
    expect(await page.textContent('#fehlerliste')).toContain('Namen');
    await checkA11y(page, 'FIT destinations list with errors');

    await page.fill('input[name="name"]', 'Standesamt – Personenstandsregister');
    await page.fill('input[name="callbackUrl"]', '');
    await page.getByRole('button', { name: 'Zustellpunkt anlegen' }).click();
    await page.waitForURL(/\/fit-zustellpunkte\/[0-9a-f-]{36}\?angelegt=1$/);
    await checkA11y(page, 'FIT destination detail');
    await page.fill('input[name="label"]', 'Hersteller Personenstand');
    await page.getByRole('button', { name: 'Zugang anlegen' }).click();
    await page.waitForSelector('#client-secret');
    expect((await page.textContent('#neuer-zugang')) ?? '').toContain('nur dieses eine Mal');
    await checkA11y(page, 'FIT destination with a new client secret');

    await visit(page, '/admin/magdeburg/zustellwege');
    await page.click('a[href="/admin/magdeburg/zustellwege/neu?art=fit-connect"]');
    await page.waitForURL(/\/zustellwege\/neu\?art=fit-connect$/);
    expect(await page.textContent('select[name="destinationId"]')).toContain('wartet auf Schlüssel');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.waitForSelector('#fehlerliste');
    expect(await page.textContent('#fehlerliste')).toContain('Zustellpunkt');
    await checkA11y(page, 'new fit-connect route form with errors');
    await page.context().close();
  });

  it('the operator: landing with the monitor link, and the delivery monitor', async () => {
    const page = await logIn('betrieb@sac.demo');
    await visit(page, '/admin');
    await checkA11y(page, 'admin landing (operator)');
    await page.click('a[href="/admin/zustellungen"]');
    await page.waitForURL(url('/admin/zustellungen'));
    await checkA11y(page, 'delivery monitor');
    await page.context().close();
  });
});
