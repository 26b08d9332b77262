import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { type Browser, type BrowserContextOptions, chromium, type Page } from 'playwright-core';
import { seedDemoCatalog } from '../../src/modules/catalog/demo/seed.ts';
import { allTenants } from '../../src/platform/db/scope.ts';
import { createTestApp } from '../helpers/app.ts';

/**
 * Browser test harness: a real listening server with the demo data, one Chromium per test file,
 * axe-core checks and keyboard helpers.
 *
 *   const server = sharedServer();   // shared-server.ts
 *   const browser = await launchChromium();
 *   const page = await openPage(browser, server.url('/magdeburg'), { colorScheme: 'dark' });
 *   await checkA11y(page, 'portal dark');
 */

export const chromiumPath = process.env.SAC_CHROMIUM ?? '/usr/bin/chromium';

/** Flags for an offline machine: without them Chromium keeps trying to reach Google services. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface TestServer {
  baseUrl: string;
  url(path: string): string;
  close(): Promise<void>;
}

/** The full app on a fresh database (SAC_TEST_DB, default PGlite) with demo tenants, catalog and offerings. */
export async function startServer(): Promise<TestServer> {
  const t = await createTestApp();
  await seedDemoCatalog(t.deps, t.tenantIds);
  // The shared server exercises the form mechanics of every assistant without a login; trust levels,
  // step-up and pre-fill run in test/e2e/identity.test.ts on a server with the demo's real offering rules.
  await t.deps.database.db
    .updateTable('offerings')
    .set({ trust_level: 'none', anonymous_allowed: true })
    .modifyEnd(allTenants)
    .execute();
  const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
  return { baseUrl: address, url: (path) => address + path, close: () => t.close() };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
}

/** A new page in its own context (own cookies), already navigated to `url`; fails unless the status is `status`. */
export async function openPage(
  browser: Browser,
  url: string,
  options: BrowserContextOptions & { status?: number } = {},
): Promise<Page> {
  const { status = 200, ...contextOptions } = options;
  const context = await browser.newContext({ locale: 'de-DE', ...contextOptions });
  const page = await context.newPage();
  const response = await page.goto(url, { waitUntil: 'load' });
  if (response?.status() !== status) throw new Error(`${url}: expected status ${status}, got ${response?.status()}`);
  return page;
}

/**
 * The page as Chromium renders it with JavaScript disabled, ready for axe: axe itself cannot run in a
 * page without JavaScript (its timers never fire), so the DOM rendered without scripts is serialised and
 * served again at the same URL (same styles, same origin) in a context where axe can run. Fails if the
 * page carries any script, since then the two renderings could differ.
 */
export async function openPageWithoutJs(
  browser: Browser,
  url: string,
  options: BrowserContextOptions & { status?: number } = {},
): Promise<Page> {
  const noJs = await openPage(browser, url, { ...options, javaScriptEnabled: false });
  const html = await noJs.content();
  const scripts = await noJs.locator('script').count();
  await noJs.context().close();
  if (scripts > 0) throw new Error(`${url}: page has ${scripts} <script> element(s); the no-JS check needs none`);
  const context = await browser.newContext({ locale: 'de-DE', ...options, javaScriptEnabled: true });
  await context.route(url, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
  );
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  return page;
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

interface AxeNode {
  target: unknown[];
  html: string;
  failureSummary?: string;
}
interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: AxeNode[];
}

/**
 * Runs axe-core (WCAG 2.0/2.1 A and AA rules) on the page as it is and throws with every violation and
 * its nodes. The source is evaluated through DevTools, not a script tag, so the page's strict CSP allows it.
 */
export async function checkA11y(page: Page, label: string): Promise<void> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async (tags) => {
    type Axe = { run: (ctx: Document, opts: object) => Promise<{ violations: unknown[] }> };
    const axe = (window as unknown as { axe: Axe }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations;
  }, wcagTags);
  if (violations.length === 0) return;
  throw new Error(
    `axe: ${violations.length} violation(s) on ${label}\n${formatViolations(violations as AxeViolation[])}`,
  );
}

function formatViolations(violations: AxeViolation[]): string {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .map(
          (n) =>
            `    - ${n.target.join(' ')}\n      ${n.html.slice(0, 200)}\n      ${(n.failureSummary ?? '').replace(/\n/g, ' ')}`,
        )
        .join('\n');
      return `  [${v.impact}] ${v.id}: ${v.help}\n${nodes}`;
    })
    .join('\n');
}

/** What has keyboard focus: tag, id, href (as written), text, and whether a focus indicator is drawn. */
export interface Focused {
  tag: string;
  id: string;
  href: string | null;
  text: string;
  indicator: boolean;
}

export function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return { tag: '', id: '', href: null, text: '', indicator: false };
    // KERN draws the focus ring of stretched card links on their ::after box.
    const drawn = (style: CSSStyleDeclaration) =>
      (style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
    return {
      tag: el.tagName.toLowerCase(),
      id: el.id,
      href: el.getAttribute('href'),
      text: (el.textContent ?? '').trim().replace(/\s+/g, ' '),
      indicator: drawn(getComputedStyle(el)) || drawn(getComputedStyle(el, '::after')),
    };
  });
}

/** Presses Tab until `match` holds for the focused element; throws after `maxTabs` presses. */
export async function tabUntil(page: Page, match: (f: Focused) => boolean, maxTabs = 60): Promise<Focused> {
  for (let i = 0; i < maxTabs; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (match(f)) return f;
  }
  throw new Error(`no matching element within ${maxTabs} Tab presses`);
}

/** The whole Tab order of the page from the top: every element focused until focus leaves the document. */
export async function tabOrder(page: Page, maxTabs = 300): Promise<Focused[]> {
  const order: Focused[] = [];
  for (let i = 0; i < maxTabs; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (f.tag === 'body' || f.tag === '') return order;
    if (order.length > 0 && sameElement(order[0]!, f)) return order;
    order.push(f);
  }
  throw new Error(`Tab order did not end within ${maxTabs} presses`);
}

function sameElement(a: Focused, b: Focused): boolean {
  return a.tag === b.tag && a.id === b.id && a.href === b.href && a.text === b.text;
}

/** Horizontal overflow of the document in CSS pixels (reflow check, WCAG 1.4.10). */
export function scrollWidth(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth);
}
