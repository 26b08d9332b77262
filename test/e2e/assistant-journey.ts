import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { shippedAssistantsDir } from '../../src/modules/forms/assistants-store/ops/publish-shipped-assistants.ts';
import type { AssistantDefinition, Step } from '../../src/modules/forms/definition/types.ts';
import { tinyPdf } from '../forms/multipart.ts';
import { type AnswerTable, type FormPairs, stepById, validStepPairs } from '../forms/valid-answers.ts';
import { checkA11y } from './harness.ts';

/**
 * Browser journeys through the shipped assistants: valid answers come from the same generator the
 * `app.inject` journeys use (test/forms/valid-answers.ts), entered into the rendered form like a person would.
 */

/** Today as the server sees it (the e2e server runs on the real clock). */
export const today = new Date().toISOString().slice(0, 10);

function daysAgo(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}

/** Answers the generator cannot guess (patterns, cross-field rules, dates near today). */
export const journeys: Record<string, { tenant: string; table: AnswerTable }> = {
  urkundenbestellung: { tenant: 'magdeburg', table: {} },
  hundeanmeldung: {
    tenant: 'magdeburg',
    table: {
      'hunde[0][transponder]': '276098106543210',
      'hunde[0][haltungSeit]': daysAgo(30),
      'hunde[0][geburtsdatum]': daysAgo(700),
      ermaessigung: 'nein',
    },
  },
  hundeabmeldung: { tenant: 'magdeburg', table: { transponder: '276098106543210' } },
  begruessungsgeld: {
    tenant: 'wernigerode',
    table: {
      kindGeburtsdatum: daysAgo(60),
      zuzugsdatum: daysAgo(60),
      anschrift: { strasse: 'Marktplatz', hausnummer: '1', plz: '38855', ort: 'Wernigerode' },
    },
  },
  gewerbeanmeldung: { tenant: 'magdeburg', table: { beginn: daysAgo(30), erlaubnis: 'nein' } },
};

export const assistantIds = Object.keys(journeys);

export function loadDefinition(id: string): AssistantDefinition {
  return JSON.parse(readFileSync(path.join(shippedAssistantsDir, `${id}.json`), 'utf8')) as AssistantDefinition;
}

/** The last path segment of a URL: a step id, `einwilligung`, `pruefen` or a reference. */
export function segmentOf(url: string): string {
  const pathname = new URL(url).pathname;
  return pathname.slice(pathname.lastIndexOf('/') + 1);
}

/** Valid form pairs for the page at `url` (a step or the consent page). */
export function pairsFor(def: AssistantDefinition, url: string): FormPairs {
  const segment = segmentOf(url);
  if (segment === 'einwilligung') return { einwilligung: 'ja' };
  return validStepPairs(stepById(def, segment), today, journeys[def.id]?.table ?? {});
}

/** Names of required top-level file fields of a step. */
export function requiredUploads(def: AssistantDefinition, url: string): string[] {
  const segment = segmentOf(url);
  if (segment === 'einwilligung' || segment === 'pruefen') return [];
  const step: Step = stepById(def, segment);
  return step.fields.filter((f) => f.type === 'file' && f.required && !f.when).map((f) => f.id);
}

/** Clicks a button by its accessible name and waits for the page that the form post leads to. */
export async function press(page: Page, name: string): Promise<void> {
  await Promise.all([
    page.waitForNavigation({ waitUntil: 'load' }),
    page.getByRole('button', { name, exact: true }).click(),
  ]);
}

/** Start page → "Antrag starten"; returns with the first step open. */
export async function startAssistant(page: Page, baseUrl: string, tenant: string, id: string): Promise<void> {
  const response = await page.goto(`${baseUrl}/${tenant}/antrag/${id}`, { waitUntil: 'load' });
  expect(response?.status()).toBe(200);
  await press(page, 'Antrag starten');
}

/**
 * Enters the pairs into the visible form controls, each found by its form name: text is typed,
 * radios and checkboxes checked, selects chosen. Controls that are not shown are left alone.
 */
export async function fillPairs(page: Page, pairs: FormPairs): Promise<void> {
  for (const [name, value] of Object.entries(pairs)) {
    const controls = page.locator(`[name="${name}"]`);
    const count = await controls.count();
    if (count === 0) continue;
    const first = controls.first();
    const info = await first.evaluate((el) => ({
      tag: el.tagName.toLowerCase(),
      type: (el as HTMLInputElement).type,
      locked: (el as HTMLInputElement).readOnly || (el as HTMLInputElement).disabled,
    }));
    if (info.locked || info.type === 'hidden') continue;
    const values = Array.isArray(value) ? value : [value];
    if (info.type === 'radio' || info.type === 'checkbox') {
      for (const v of values) {
        const box = page.locator(`input[name="${name}"][value="${v}"]`);
        if ((await box.count()) > 0 && (await box.isVisible())) await box.check();
      }
    } else if (info.tag === 'select') {
      if (await first.isVisible()) await first.selectOption(values);
    } else if (await first.isVisible()) {
      await first.fill(values[0] ?? '');
    }
  }
}

export async function attachPdfs(page: Page, names: string[]): Promise<void> {
  for (const name of names) {
    await page
      .locator(`input[type="file"][name="${name}"]`)
      .setInputFiles({ name: 'nachweis.pdf', mimeType: 'application/pdf', buffer: tinyPdf });
  }
}

/** The error summary's messages on the current page (for assertion messages). */
export async function summaryMessages(page: Page): Promise<string> {
  const links = page.locator('#fehlerliste a');
  return (await links.allTextContents()).join(' | ');
}

/** Reference numbers: tenant prefix, two blocks of four from the unambiguous alphabet. */
export const referencePattern = /^[A-Z]{2,3}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/;

/**
 * Runs axe on HTML that was rendered elsewhere (e.g. with JavaScript disabled): serves it again at the
 * same URL (same styles, same origin) in a context where axe can run, as `openPageWithoutJs` in the
 * harness does. One context is reused for all pages; close it at the end.
 */
export async function htmlAxeChecker(browser: Browser) {
  const context = await browser.newContext({ locale: 'de-DE' });
  const page = await context.newPage();
  let served = { url: '', html: '' };
  let hits = 0;
  await context.route('**/*', (route) => {
    const request = route.request();
    if (request.isNavigationRequest() && request.url() === served.url) {
      hits++;
      return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: served.html });
    }
    return route.continue();
  });
  return {
    async check(url: string, html: string, label: string): Promise<void> {
      served = { url, html };
      const before = hits;
      await page.goto(url, { waitUntil: 'load' });
      if (hits !== before + 1) throw new Error(`${label}: the rendered HTML was not served again at ${url}`);
      await checkA11y(page, label);
    },
    close: () => context.close(),
  };
}

/** What has keyboard focus, with form name, type and value. */
export function focusedControl(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLInputElement | null;
    return {
      tag: el?.tagName.toLowerCase() ?? '',
      id: el?.id ?? '',
      name: el?.getAttribute('name') ?? '',
      type: el?.type ?? '',
      value: el?.value ?? '',
      checked: Boolean(el?.checked),
      text: (el?.textContent ?? '').trim(),
      inSummary: Boolean(el && document.getElementById('fehlerliste')?.contains(el)),
      href: el?.getAttribute('href') ?? null,
    };
  });
}
