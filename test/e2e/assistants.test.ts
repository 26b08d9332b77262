import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  assistantIds,
  attachPdfs,
  fillPairs,
  journeys,
  loadDefinition,
  pairsFor,
  press,
  referencePattern,
  requiredUploads,
  segmentOf,
  startAssistant,
  summaryMessages,
} from './assistant-journey.ts';
import { checkA11y, launchChromium, type TestServer } from './harness.ts';
import { sharedServer } from './shared-server.ts';

// Every shipped assistant in a real browser: error state of the first step, every step, the check page
// and the receipt have no axe violations (WCAG 2.0/2.1 A + AA), and the journey reaches a reference number.
describe('shipped assistants in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    server = sharedServer();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const id of assistantIds) {
    it(`${id}: error state, every step, check page and receipt are accessible; the journey ends with a reference`, {
      timeout: 120_000,
    }, async () => {
      const def = loadDefinition(id);
      const { tenant } = journeys[id]!;
      const context = await browser.newContext({ locale: 'de-DE' });
      const page = await context.newPage();
      try {
        await startAssistant(page, server.baseUrl, tenant, id);
        const firstStep = page.url();
        expect(segmentOf(firstStep)).toBe(def.steps[0]!.id);

        // "Weiter" with nothing entered: the error summary is shown and has focus.
        await press(page, 'Weiter');
        const summary = page.locator('#fehlerliste');
        await expect.poll(() => summary.isVisible()).toBe(true);
        expect(await page.evaluate(() => document.activeElement?.id)).toBe('fehlerliste');
        expect(await page.locator('#fehlerliste a').count()).toBeGreaterThan(0);
        await checkA11y(page, `${id}: error state of ${segmentOf(firstStep)}`);

        // Fields that depend on an answer on the same page appear once that answer is posted (no
        // JavaScript), so a step may come back with them marked as missing: fill in again, at most thrice.
        const visited: string[] = [];
        let rounds = 0;
        for (let guard = 0; guard < 40 && segmentOf(page.url()) !== 'pruefen'; guard++) {
          const url = page.url();
          const segment = segmentOf(url);
          if (!visited.includes(segment)) {
            await checkA11y(page, `${id}: step ${segment}`);
            visited.push(segment);
            rounds = 0;
          }
          expect(rounds++, `${id}: ${segment} still has errors: ${await summaryMessages(page)}`).toBeLessThan(3);
          await fillPairs(page, pairsFor(def, url));
          await attachPdfs(page, requiredUploads(def, url));
          await press(page, 'Weiter');
        }
        expect(segmentOf(page.url())).toBe('pruefen');
        expect(visited).toContain('einwilligung');
        await checkA11y(page, `${id}: check page`);

        await press(page, 'Antrag absenden');
        expect(page.url()).toContain('/eingang/');
        const reference = segmentOf(page.url());
        expect(reference).toMatch(referencePattern);
        expect(await page.locator('main').textContent()).toContain(reference);
        await checkA11y(page, `${id}: receipt`);
      } finally {
        await context.close();
      }
    });
  }
});
