import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Focused, focused, launchChromium, openPage, type TestServer, tabOrder, tabUntil } from './harness.ts';
import { pageCases } from './pages.ts';
import { sharedServer } from './shared-server.ts';

const isLink = (f: Focused, href: string) => f.tag === 'a' && f.href === href;

describe('keyboard', () => {
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
    it(`${c.name}: the first Tab focuses the skip link, Enter moves focus to #inhalt`, async () => {
      const page = await openPage(browser, server.url(c.path), { status: c.status });
      await page.keyboard.press('Tab');
      const skip = await focused(page);
      expect(skip).toMatchObject({ tag: 'a', href: '#inhalt', text: 'Zum Inhalt springen', indicator: true });
      expect(await page.locator('a[href="#inhalt"]').isVisible()).toBe(true);
      await page.keyboard.press('Enter');
      expect((await focused(page)).id).toBe('inhalt');
      // The next Tab continues inside the main content, not back at the header.
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.getElementById('inhalt')?.contains(document.activeElement))).toBe(true);
      await page.context().close();
    });
  }

  it('portal: search typed and submitted with the keyboard alone (Enter in the field) lands on results', async () => {
    const page = await openPage(browser, server.url('/magdeburg'));
    await tabUntil(page, (f) => f.id === 'suche');
    await page.keyboard.type('Hund');
    await Promise.all([page.waitForURL('**/magdeburg/leistungen?q=Hund'), page.keyboard.press('Enter')]);
    expect(await page.locator('ol.sac-results a').first().textContent()).toBe('Hundehaltung Anmeldung');
    await page.context().close();
  });

  it('portal: search submitted with Space on the "Suchen" button, then the first result opens with Enter', async () => {
    const page = await openPage(browser, server.url('/magdeburg'));
    await tabUntil(page, (f) => f.id === 'suche');
    await page.keyboard.type('Geburtsurkunde');
    const button = await tabUntil(page, (f) => f.tag === 'button');
    expect(button).toMatchObject({ text: 'Suchen', indicator: true });
    await Promise.all([page.waitForURL('**/magdeburg/leistungen?q=Geburtsurkunde'), page.keyboard.press('Space')]);
    await tabUntil(page, (f) => f.tag === 'a' && (f.href ?? '').startsWith('/magdeburg/leistungen/'));
    await Promise.all([
      page.waitForURL('**/magdeburg/leistungen/geburtsurkunde-ausstellung'),
      page.keyboard.press('Enter'),
    ]);
    expect(await page.locator('h1').textContent()).toBe('Geburtsurkunde Ausstellung');
    await page.context().close();
  });

  it('portal: the Tab order reaches the language switch first, then the content, then the footer links in order', async () => {
    const page = await openPage(browser, server.url('/magdeburg'));
    const order = await tabOrder(page);
    const at = (match: (f: Focused) => boolean) => order.findIndex(match);
    const skip = at((f) => isLink(f, '#inhalt'));
    const english = at((f) => f.tag === 'a' && (f.href ?? '').startsWith('/sprache/en'));
    const search = at((f) => f.id === 'suche');
    const footer = ['/magdeburg/impressum', '/magdeburg/datenschutz', '/magdeburg/barrierefreiheit'].map((href) =>
      at((f) => isLink(f, href)),
    );
    const phone = at((f) => isLink(f, 'tel:115'));
    expect(skip).toBe(0);
    expect(english).toBeGreaterThan(skip);
    expect(search).toBeGreaterThan(english);
    expect(footer[0]).toBeGreaterThan(search);
    expect(footer[1]).toBeGreaterThan(footer[0]!);
    expect(footer[2]).toBeGreaterThan(footer[1]!);
    expect(phone).toBeGreaterThan(footer[2]!);
    const withoutIndicator = order.filter((f) => !f.indicator).map((f) => `${f.tag} ${f.href ?? f.id} ${f.text}`);
    expect(withoutIndicator, 'every focusable element shows a focus indicator').toEqual([]);
    await page.context().close();
  });

  it('language switch works by keyboard and the page chrome turns English', async () => {
    const page = await openPage(browser, server.url('/magdeburg'));
    await tabUntil(page, (f) => f.tag === 'a' && (f.href ?? '').startsWith('/sprache/en'));
    await Promise.all([page.waitForURL('**/magdeburg'), page.keyboard.press('Enter')]);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.keyboard.press('Tab');
    expect((await focused(page)).href).toBe('#inhalt');
    await page.context().close();
  });

  it('404 page: the way back is reachable by keyboard', async () => {
    const page = await openPage(browser, server.url('/magdeburg/leistungen/gibt-es-nicht'), { status: 404 });
    const order = await tabOrder(page);
    expect(order.some((f) => isLink(f, '/magdeburg') || isLink(f, '/'))).toBe(true);
    await page.context().close();
  });
});
