import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoFit } from '../../src/modules/delivery/fit/demo-seed.ts';
import { findDestination } from '../../src/modules/delivery/fit/destinations.ts';
import { stepById, validStepPairs } from '../forms/valid-answers.ts';
import type { TestApp } from '../helpers/app.ts';
import { type DemoStack, startDemoStack } from '../helpers/demo-stack.ts';
import {
  attachPdfs,
  fillPairs,
  loadDefinition,
  press,
  requiredUploads,
  segmentOf,
  today,
} from './assistant-journey.ts';
import { checkA11y, launchChromium } from './harness.ts';

/**
 * The whole demo journey in Chromium (issue 6): Erika logs in through the demo IdP, orders two birth
 * certificates (her data pre-filled and locked), pays 15 € through the demo payment provider, sees the receipt;
 * the job worker delivers to the demo Fachverfahren (a real child process using SAC's public API), which
 * decrypts, acknowledges and reports "In Bearbeitung" and "Abgeschlossen" with a message; Erika sees both
 * in Mein Konto. The server listens on its own port with SAC_BASE_URL pointing at itself (demo IdP and
 * payment provider send the browser there) and runs on the real clock (the child signs with it).
 */
let stack: DemoStack;
let t: TestApp;
let browser: Browser;
const url = (path: string) => `${t.config.baseUrl}${path}`;

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 120_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`timed out waiting for ${what}; demo Fachverfahren said:\n${stack.fvLines.slice(-20).join('\n')}`);
}

beforeAll(async () => {
  stack = await startDemoStack();
  t = stack.t;
  const tenantId = t.tenantIds.get('magdeburg')!;
  await until(
    'the demo Fachverfahren to register its keys',
    async () =>
      (await findDestination(t.deps.database.db, t.deps.cipher, tenantId, demoFit.destinationId))?.status === 'active',
  );
  browser = await launchChromium();
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

/** Two birth certificates for a fee-bearing purpose: 10 € + 5 €. */
const answers = {
  faelle: ['geburt'],
  gebDokument: 'urkunde',
  gebAnzahlUrkunden: '2',
  verwendungszweck: 'ausweis',
};

describe('full journey: login, certificate order, payment, Fachverfahren, Mein Konto', { timeout: 300_000 }, () => {
  it('Erika orders two birth certificates, pays 15 €, and the office’s answers reach Mein Konto', async () => {
    const context = await browser.newContext({ locale: 'de-DE' });
    const page: Page = await context.newPage();
    page.setDefaultTimeout(60_000);
    const start = '/magdeburg/antrag/urkundenbestellung';
    await page.goto(url(start), { waitUntil: 'load' });
    expect(page.url()).toContain('/konto/anmelden?niveau=substantiell');
    await page.getByRole('button', { name: 'Anmelden mit Demo-BundID (Testsystem)' }).click();
    await page.waitForURL(/\/demo\/idp\/sso$/);
    await page.locator('#p-erika').check();
    await page.getByRole('button', { name: 'Als Testperson anmelden' }).click();
    await page.waitForURL(url(start));
    expect(await page.textContent('header')).toContain('Angemeldet als Erika Mustermann');
    await press(page, 'Antrag starten');

    const def = loadDefinition('urkundenbestellung');
    let sawLocked = false;
    for (let guard = 0; guard < 40 && segmentOf(page.url()) !== 'pruefen'; guard++) {
      const segment = segmentOf(page.url());
      if (segment === 'antragsteller') {
        const main = (await page.textContent('main')) ?? '';
        expect(main).toContain('Aus Ihrem Nutzerkonto (BundID, eID) übernommen');
        expect(main).toContain('Mustermann');
        expect(await page.locator('[name="familienname"]').count()).toBe(0);
        sawLocked = true;
      }
      const pairs =
        segment === 'einwilligung' ? { einwilligung: 'ja' } : validStepPairs(stepById(def, segment), today, answers);
      await fillPairs(page, pairs);
      await attachPdfs(page, requiredUploads(def, page.url()));
      await press(page, 'Weiter');
    }
    expect(sawLocked).toBe(true);
    expect(await page.textContent('main')).toContain('15,00');
    await press(page, 'Antrag absenden');

    // The payment page, the demo checkout, back to the receipt.
    await page.getByRole('button', { name: 'Bezahlen', exact: true }).waitFor();
    expect(await page.textContent('main')).toContain('15,00');
    await Promise.all([
      page.waitForURL(/\/demo\/zahlung\/kasse\//),
      page.getByRole('button', { name: 'Bezahlen', exact: true }).click(),
    ]);
    await page.locator('#ergebnis-bezahlt').check();
    await Promise.all([page.waitForURL(/\/eingang\//), page.getByRole('button', { name: 'Weiter' }).click()]);
    const reference = segmentOf(page.url());
    const receipt = (await page.textContent('main')) ?? '';
    expect(receipt).toContain(reference);
    expect(receipt).toMatch(/Kassenzeichen\s*KZ-\d{4}-\d{6}/);
    expect(receipt).toContain('Bezahlt');
    await checkA11y(page, 'receipt after payment');

    // Worker → FIT pull API → demo Fachverfahren → feedback API → Mein Konto.
    const detail = url(`/konto/antraege/${reference}`);
    await until('"Abgeschlossen" in Mein Konto', async () => {
      await page.goto(detail, { waitUntil: 'load' });
      return ((await page.textContent('main')) ?? '').includes('Abgeschlossen');
    });
    const main = (await page.textContent('main')) ?? '';
    expect(main).toContain('In Bearbeitung');
    expect(main).toContain('Das Standesamt bearbeitet Ihren Antrag.');
    expect(main).toContain('Die Urkunde ist ausgestellt und wird per Post versandt.');
    await checkA11y(page, 'Mein Konto application detail');

    await page.goto(url('/konto/postfach'), { waitUntil: 'load' });
    expect(await page.textContent('main')).toContain('Ihr Antrag ist abgeschlossen');
    await page
      .getByRole('link', { name: /Ihr Antrag ist abgeschlossen/ })
      .first()
      .click();
    await page.waitForLoadState('load');
    expect(await page.textContent('main')).toContain(`Ihr Antrag ${reference} ist bearbeitet.`);

    // The demo Fachverfahren's own page lists it with its municipality.
    const listening = stack.fvLines.map((l) => JSON.parse(l)).find((l) => l.message === 'status page listening');
    const fvPage = await (await fetch(listening.url)).text();
    expect(fvPage).toContain(reference);
    expect(fvPage).toContain('Magdeburg');
    expect(fvPage).toContain('SHA-512 geprüft');
    await context.close();
  });
});
