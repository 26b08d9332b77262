import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoCatalog } from '../../src/modules/catalog/demo/seed.ts';
import type { TestApp } from '../helpers/app.ts';
import { createListeningApp } from '../identity-oidc/oidc-app.ts';
import {
  attachPdfs,
  fillPairs,
  loadDefinition,
  pairsFor,
  press,
  requiredUploads,
  segmentOf,
} from './assistant-journey.ts';
import { checkA11y, launchChromium, tabUntil } from './harness.ts';

/**
 * Identity in the form assistants, in a real browser (issue 4 "Done means"): Erika logs in through the
 * demo IdP on /magdeburg and orders a certificate with name, birth date and address pre-filled and
 * locked; Max is asked for a step-up. This file runs its own server whose SAC_BASE_URL is its real
 * address, because the demo IdP sends the browser there.
 */
let t: TestApp;
let browser: Browser;
const url = (path: string) => `${t.config.baseUrl}${path}`;

beforeAll(async () => {
  t = await createListeningApp();
  await seedDemoCatalog(t.deps, t.tenantIds);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ locale: 'de-DE' });
  return context.newPage();
}

/** Tabs to the button or link whose text contains `text` and presses Enter. */
async function activate(page: Page, text: string) {
  const f = await tabUntil(page, (x) => (x.tag === 'button' || x.tag === 'a') && x.text.includes(text));
  expect(f.indicator).toBe(true);
  await page.keyboard.press('Enter');
}

/** On the login page: the demo BundID, then a persona, with the mouse. */
async function loginAs(page: Page, persona: 'erika' | 'max') {
  await page.getByRole('button', { name: 'Anmelden mit Demo-BundID (Testsystem)' }).click();
  await page.waitForURL(/\/demo\/idp\/sso$/);
  await page.locator(`#p-${persona}`).check();
  await page.getByRole('button', { name: 'Als Testperson anmelden' }).click();
}

describe('identity in the form assistants', { timeout: 180_000 }, () => {
  it('Erika: keyboard-only login on /magdeburg, Urkundenbestellung pre-filled and locked, receipt with status code', async () => {
    const page = await newPage();
    const start = '/magdeburg/antrag/urkundenbestellung';
    await page.goto(url(start), { waitUntil: 'load' });
    // Urkundenbestellung in Magdeburg needs `substantiell`: first the login page, which says so.
    expect(page.url()).toBe(url(`/konto/anmelden?niveau=substantiell&zurueck=${encodeURIComponent(start)}`));
    expect(await page.textContent('main')).toContain('Nötig ist mindestens das Vertrauensniveau „substantiell“');
    await checkA11y(page, 'login page');

    // Keyboard only: provider, persona (Erika is preselected), login.
    await activate(page, 'Anmelden mit Demo-BundID');
    await page.waitForURL(/\/demo\/idp\/sso$/);
    const radio = await tabUntil(page, (f) => f.tag === 'input' && f.id === 'p-erika');
    expect(radio.indicator).toBe(true);
    await activate(page, 'Als Testperson anmelden');
    await page.waitForURL(url(start));
    expect(await page.textContent('header')).toContain('Angemeldet als Erika Mustermann');
    expect(await page.textContent('body')).toContain('Sitzung verlängern');
    await press(page, 'Antrag starten');

    const def = loadDefinition('urkundenbestellung');
    let sawLocked = false;
    for (let guard = 0; guard < 40 && segmentOf(page.url()) !== 'pruefen'; guard++) {
      if (segmentOf(page.url()) === 'antragsteller') {
        const main = (await page.textContent('main')) ?? '';
        expect(main).toContain('Aus Ihrem Nutzerkonto (BundID, eID) übernommen');
        expect(main).toContain('Erika');
        expect(main).toContain('Mustermann');
        expect(main).toContain('12.08.1964');
        expect(main).toContain('Heidestraße 17');
        expect(main).toContain('51147 Köln');
        for (const name of ['vorname', 'familienname', 'geburtsdatum[tag]', 'anschrift[strasse]'])
          expect(await page.locator(`[name="${name}"]`).count(), name).toBe(0);
        await checkA11y(page, 'step with locked values');
        sawLocked = true;
      }
      await fillPairs(page, pairsFor(def, page.url()));
      await attachPdfs(page, requiredUploads(def, page.url()));
      await press(page, 'Weiter');
    }
    expect(sawLocked).toBe(true);
    expect(segmentOf(page.url())).toBe('pruefen');
    await press(page, 'Antrag absenden');
    await page.waitForURL(/\/eingang\//);
    const main = (await page.textContent('main')) ?? '';
    expect(main).toContain(segmentOf(page.url()));
    expect(main).toMatch(/Ihr Statuscode: [2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}/);
    expect(main).toContain('Mit Vorgangsnummer und Statuscode können Sie den Stand jederzeit unter');
    await checkA11y(page, 'receipt');
    await page.context().close();
  });

  it('Max (Basisregistrierung) is sent to the step-up page, which names the methods that reach the level', async () => {
    const page = await newPage();
    await page.goto(url('/konto/anmelden?zurueck=%2Fmagdeburg'), { waitUntil: 'load' });
    await loginAs(page, 'max');
    await page.waitForURL(url('/magdeburg'));
    await page.goto(url('/magdeburg/antrag/urkundenbestellung'), { waitUntil: 'load' });
    expect(page.url()).toContain('/konto/anmelden?niveau=substantiell');
    expect(await page.textContent('h1')).toBe('Höheres Vertrauensniveau nötig');
    const main = (await page.textContent('main')) ?? '';
    expect(main).toContain('ELSTER-Zertifikat');
    expect(main).not.toContain('Benutzername und Passwort');
    await checkA11y(page, 'step-up page');
    await page.context().close();
  });

  it('an application begun before login: the attach confirmation, then back at the step', async () => {
    const page = await newPage();
    await page.goto(url('/magdeburg/antrag/hundeanmeldung'), { waitUntil: 'load' });
    await press(page, 'Antrag starten');
    const step = page.url();
    await page.getByRole('link', { name: 'Anmelden', exact: true }).click();
    await page.waitForURL(/\/konto\/anmelden\?/);
    await loginAs(page, 'max');
    await page.waitForURL(/\/konto\/antrag-uebernehmen\?/);
    expect(await page.textContent('h1')).toBe('Begonnenen Antrag in Ihr Konto übernehmen?');
    expect(await page.textContent('main')).toContain('Hund anmelden');
    await checkA11y(page, 'attach confirmation page');
    await press(page, 'Ja, in mein Konto übernehmen');
    expect(page.url()).toBe(step);
    await page.context().close();
  });

  it('the session warning: announced 2 minutes before the end in a live region, without axe violations', async () => {
    const page = await newPage();
    await page.clock.install();
    await page.goto(url('/konto/anmelden?zurueck=%2Fmagdeburg'), { waitUntil: 'load' });
    await loginAs(page, 'erika');
    await page.waitForURL(url('/magdeburg'));
    const live = page.locator('#sitzung-hinweis');
    expect(await live.textContent()).toBe('');
    await page.clock.fastForward('27:00');
    expect(await live.textContent()).toBe('');
    await page.clock.fastForward('01:30');
    await expect.poll(() => live.textContent()).toContain('Ihre Sitzung endet in 2 Minuten');
    await checkA11y(page, 'session warning');
    // "Sitzung verlängern" by keyboard (focus is moved there directly; the portal has many links before it).
    await page.getByRole('button', { name: 'Sitzung verlängern' }).focus();
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.keyboard.press('Enter')]);
    expect(page.url()).toBe(url('/magdeburg'));
    await page.context().close();
  });
});
