import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_SCRIPT_PATH } from '../../src/platform/render/components/session-bar.tsx';
import {
  assistantIds,
  attachPdfs,
  fillPairs,
  htmlAxeChecker,
  journeys,
  loadDefinition,
  pairsFor,
  press,
  referencePattern,
  requiredUploads,
  segmentOf,
  startAssistant,
} from './assistant-journey.ts';
import { launchChromium, type TestServer } from './harness.ts';
import { sharedServer } from './shared-server.ts';

// With JavaScript disabled the whole journey works (forms post, redirects are followed, the file upload
// is a plain multipart post), no page carries a <script>, and every page's HTML passes axe (axe runs on
// the same HTML served again in a context with JavaScript, as `openPageWithoutJs` does).
describe('shipped assistants without JavaScript', () => {
  let server: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    server = sharedServer();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  let axe: Awaited<ReturnType<typeof htmlAxeChecker>>;
  /**
   * No script on the page except the optional session-end announcement (progressive enhancement; the
   * session notice and "Sitzung verlängern" work without it); its HTML has no axe violations.
   */
  async function checkPage(page: Page, label: string): Promise<void> {
    const scripts = page.locator(`script:not([src="${SESSION_SCRIPT_PATH}"])`);
    expect(await scripts.count(), `${label}: <script> elements`).toBe(0);
    await axe.check(page.url(), await page.content(), `${label} (no JavaScript)`);
  }

  for (const id of assistantIds) {
    it(`${id}: start → error state → every step → check page → receipt`, { timeout: 180_000 }, async () => {
      const def = loadDefinition(id);
      const { tenant } = journeys[id]!;
      const context = await browser.newContext({ locale: 'de-DE', javaScriptEnabled: false });
      const page = await context.newPage();
      axe = await htmlAxeChecker(browser);
      try {
        await startAssistant(page, server.baseUrl, tenant, id);
        await press(page, 'Weiter');
        expect(await page.locator('#fehlerliste a').count()).toBeGreaterThan(0);
        await checkPage(page, `${id}: error state`);

        const seen: string[] = [];
        for (let guard = 0; guard < 40 && segmentOf(page.url()) !== 'pruefen'; guard++) {
          const url = page.url();
          const segment = segmentOf(url);
          if (!seen.includes(segment)) await checkPage(page, `${id}: step ${segment}`);
          seen.push(segment);
          expect(seen.filter((s) => s === segment).length, `${segment} keeps failing`).toBeLessThan(4);
          await fillPairs(page, pairsFor(def, url));
          await attachPdfs(page, requiredUploads(def, url));
          await press(page, 'Weiter');
        }
        expect(segmentOf(page.url())).toBe('pruefen');
        expect(seen).toContain('einwilligung');
        await checkPage(page, `${id}: check page`);

        await press(page, 'Antrag absenden');
        expect(page.url()).toContain('/eingang/');
        const reference = segmentOf(page.url());
        expect(reference).toMatch(referencePattern);
        expect(await page.locator('main').textContent()).toContain(reference);
        await checkPage(page, `${id}: receipt`);
      } finally {
        await axe.close();
        await context.close();
      }
    });
  }
});
