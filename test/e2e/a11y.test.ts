import type { Browser, BrowserContextOptions } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkA11y, launchChromium, openPage, openPageWithoutJs, type TestServer } from './harness.ts';
import { pageCases } from './pages.ts';
import { sharedServer } from './shared-server.ts';

// axe-core (WCAG 2.0/2.1 A + AA) on every page type, in three modes.
const modes: Array<{ mode: string; options: BrowserContextOptions; open?: typeof openPage }> = [
  { mode: 'light', options: { colorScheme: 'light' } },
  { mode: 'dark', options: { colorScheme: 'dark' } },
  { mode: 'no JavaScript', options: {}, open: openPageWithoutJs },
];

describe('no axe violations', () => {
  let server: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    server = sharedServer();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const { mode, options, open = openPage } of modes) {
    for (const c of pageCases) {
      it(`${c.name} (${mode})`, async () => {
        const page = await open(browser, server.url(c.path), { ...options, status: c.status });
        await checkA11y(page, `${c.name} (${mode}) ${c.path}`);
        await page.context().close();
      });
    }
  }

  it('English page chrome (light)', async () => {
    const page = await openPage(browser, server.url('/sprache/en?zurueck=%2Fmagdeburg'));
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await checkA11y(page, 'portal in English');
    await page.context().close();
  });

  it('forced colours (Windows high contrast) on the service page', async () => {
    const page = await openPage(browser, server.url('/magdeburg/leistungen/hundehaltung-anmeldung'), {
      forcedColors: 'active',
    });
    await checkA11y(page, 'service page (forced colours)');
    await page.context().close();
  });

  it('the check itself fails, naming rule and node, on a page with a violation', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.setContent('<!doctype html><html lang="de"><title>t</title><main><img src="x.png"></main></html>');
    await expect(checkA11y(page, 'broken page')).rejects.toThrow(/image-alt[\s\S]*<img src="x.png">/);
    await context.close();
  });
});
