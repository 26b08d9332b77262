import type { Browser as Chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser } from '../helpers/app.ts';
import { createPaymentApp, type PaymentApp, paymentPath, submitApplication } from '../payment/payment-app.ts';
import { checkA11y, focused, launchChromium, tabUntil } from './harness.ts';

/**
 * Paying a fee-bearing application through the demo provider in Chromium, by keyboard alone, with axe on
 * the payment page, the demo pay page and the receipt. The app listens on its own port with SAC_BASE_URL
 * pointing at itself (the payment client talks to the demo provider over HTTP, as in production).
 */
describe('payment in the browser (keyboard, axe)', () => {
  let t: PaymentApp;
  let chromium: Chromium;
  beforeAll(async () => {
    t = await createPaymentApp();
    chromium = await launchChromium();
  });
  afterAll(async () => {
    await chromium?.close();
    await t?.close();
  });

  it('pays the Hundesteuermarke through the demo checkout by keyboard and sees the Kassenzeichen', async () => {
    // The assistant itself is covered by the assistant e2e tests; here the session submits, the browser pays.
    const session = new Browser(t.app);
    const { reference } = await submitApplication(t, session);
    const context = await chromium.newContext({ locale: 'de-DE' });
    await context.addCookies([...session.cookies].map(([name, value]) => ({ name, value, url: t.base })));
    const page = await context.newPage();
    try {
      await page.goto(`${t.base}${paymentPath(reference)}`);
      expect(await page.locator('h1').textContent()).toContain('Gebühr bezahlen');
      await checkA11y(page, 'payment page');

      const pay = await tabUntil(page, (f) => f.tag === 'button' && f.text === 'Bezahlen');
      expect(pay.indicator).toBe(true);
      await Promise.all([page.waitForURL(/\/demo\/zahlung\/kasse\//), page.keyboard.press('Enter')]);
      expect(await page.locator('body').textContent()).toContain('Testsystem');
      await checkA11y(page, 'demo checkout');

      // "Zahlung erfolgreich" is preselected; Tab to "Weiter".
      await tabUntil(page, (f) => f.tag === 'input' && f.id === 'ergebnis-bezahlt');
      await tabUntil(page, (f) => f.tag === 'button' && f.text === 'Weiter');
      await Promise.all([page.waitForURL(/\/eingang\//), page.keyboard.press('Enter')]);
      const main = (await page.locator('main').textContent()) ?? '';
      expect(main).toContain(reference);
      expect(main).toMatch(/Kassenzeichen\s*KZ-\d{4}-\d{6}/);
      expect(main).toContain('Bezahlt');
      await checkA11y(page, 'receipt after payment');
    } finally {
      await context.close();
    }
  });

  it('cancel on the demo checkout leads back to the payment page with a retry, axe clean', async () => {
    const session = new Browser(t.app);
    const { reference } = await submitApplication(t, session);
    const context = await chromium.newContext({ locale: 'de-DE' });
    await context.addCookies([...session.cookies].map(([name, value]) => ({ name, value, url: t.base })));
    const page = await context.newPage();
    try {
      await page.goto(`${t.base}${paymentPath(reference)}`);
      await tabUntil(page, (f) => f.tag === 'button' && f.text === 'Bezahlen');
      await Promise.all([page.waitForURL(/\/demo\/zahlung\/kasse\//), page.keyboard.press('Enter')]);
      await tabUntil(page, (f) => f.tag === 'input' && f.id === 'ergebnis-bezahlt');
      // Arrow keys move within the radio group: bezahlt → fehlgeschlagen → abgebrochen.
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      expect((await focused(page)).id).toBe('ergebnis-abgebrochen');
      await tabUntil(page, (f) => f.tag === 'button' && f.text === 'Weiter');
      await Promise.all([page.waitForURL(/\/zahlung\/[^/]+\/zurueck$/), page.keyboard.press('Enter')]);
      expect(await page.locator('main').textContent()).toContain('Zahlung abgebrochen');
      await checkA11y(page, 'payment page after cancel');
    } finally {
      await context.close();
    }
  });
});
