import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openPage, scrollWidth, type TestServer } from './harness.ts';
import { pageCases } from './pages.ts';
import { sharedServer } from './shared-server.ts';

// WCAG 1.4.10 Reflow: at 320 CSS px width nothing needs horizontal scrolling.
describe('reflow at 320 px', () => {
  let server: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    server = sharedServer();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const c of pageCases) {
    it(`${c.name}: scrollWidth <= 320`, async () => {
      const page = await openPage(browser, server.url(c.path), {
        status: c.status,
        viewport: { width: 320, height: 256 },
      });
      expect(await scrollWidth(page)).toBeLessThanOrEqual(320);
      await page.context().close();
    });
  }

  it('service page at 200 % text size (16 px → 32 px root font) still reflows', async () => {
    const page = await openPage(browser, server.url('/magdeburg/leistungen/hundehaltung-anmeldung'), {
      viewport: { width: 640, height: 512 },
      bypassCSP: true, // to inject the test's own style
    });
    await page.addStyleTag({ content: 'html { font-size: 200% !important; }' });
    expect(await scrollWidth(page)).toBeLessThanOrEqual(640);
    await page.context().close();
  });
});
