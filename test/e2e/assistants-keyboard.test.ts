import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tinyPdf } from '../forms/multipart.ts';
import {
  assistantIds,
  focusedControl,
  journeys,
  loadDefinition,
  pairsFor,
  referencePattern,
  requiredUploads,
  segmentOf,
} from './assistant-journey.ts';
import { launchChromium, type TestServer } from './harness.ts';
import { sharedServer } from './shared-server.ts';

type Control = Awaited<ReturnType<typeof focusedControl>>;

/** Presses a key that submits a form and waits for the page the post leads to. */
async function submitWith(page: Page, key: string): Promise<void> {
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.keyboard.press(key)]);
}

const isButton = (f: Control, text: string) => f.tag === 'button' && f.text === text;

/** Tabs forward until `match` holds for the focused element. */
async function tabTo(page: Page, match: (f: Control) => boolean, maxTabs = 80): Promise<Control> {
  for (let i = 0; i < maxTabs; i++) {
    await page.keyboard.press('Tab');
    const f = await focusedControl(page);
    if (match(f)) return f;
  }
  throw new Error(`nothing matching within ${maxTabs} Tab presses`);
}

/**
 * Chooses `value` in the focused (closed) select with the keyboard: the option's label is typed (type-ahead),
 * then Home/ArrowDown walk the list if type-ahead did not land on it.
 */
async function chooseInSelect(page: Page, value: string): Promise<void> {
  const label = await page.evaluate((v) => {
    const select = document.activeElement as HTMLSelectElement;
    return (
      Array.from(select.options)
        .find((o) => o.value === v)
        ?.text.trim() ?? ''
    );
  }, value);
  if (label) await page.keyboard.type(label);
  if ((await focusedControl(page)).value === value) return;
  await page.keyboard.press('Home');
  for (let k = 0; k < 400; k++) {
    if ((await focusedControl(page)).value === value) return;
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`${page.url()}: option ${value} not reached by keyboard`);
}

/**
 * Answers the page with the keyboard alone, starting from where focus is: text is typed, radios are
 * chosen with the arrow keys and Space, checkboxes ticked with Space, select options chosen by typing
 * and arrow keys; a focused required file input gets a PDF (a person would pick it in the OS dialog);
 * ends with Enter on "Weiter".
 */
async function answerByKeyboard(
  page: Page,
  pairs: Record<string, string | string[]>,
  uploads: string[] = [],
): Promise<void> {
  for (let i = 0; i < 400; i++) {
    const f = await focusedControl(page);
    if (isButton(f, 'Weiter')) {
      await submitWith(page, 'Enter');
      return;
    }
    const wanted = f.name ? pairs[f.name] : undefined;
    if (wanted !== undefined) {
      const values = Array.isArray(wanted) ? wanted : [wanted];
      if (f.type === 'radio') {
        // Arrow keys move through the group and select; Space selects the focused option.
        for (let k = 0; k < 12; k++) {
          const now = await focusedControl(page);
          if (now.value === values[0]) {
            if (!now.checked) await page.keyboard.press('Space');
            break;
          }
          await page.keyboard.press('ArrowDown');
        }
      } else if (f.type === 'checkbox') {
        if (values.includes(f.value) && !f.checked) await page.keyboard.press('Space');
      } else if (f.tag === 'select') {
        if (f.value !== values[0]) await chooseInSelect(page, values[0] ?? '');
      } else if (f.tag === 'input' || f.tag === 'textarea') {
        if (f.value !== values[0]) {
          await page.keyboard.press('ControlOrMeta+A');
          await page.keyboard.type(values[0] ?? '');
        }
      }
    }
    if (f.type === 'file' && uploads.includes(f.name)) {
      await page
        .locator(':focus')
        .setInputFiles({ name: 'nachweis.pdf', mimeType: 'application/pdf', buffer: tinyPdf });
    }
    await page.keyboard.press('Tab');
  }
  throw new Error(`${page.url()}: "Weiter" not reached by keyboard`);
}

describe('shipped assistants by keyboard alone', () => {
  let server: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    server = sharedServer();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each(assistantIds)(
    '%s: error summary takes focus, its link moves focus to the field; the journey completes without a mouse',
    { timeout: 240_000 },
    async (id) => {
      const def = loadDefinition(id);
      const { tenant } = journeys[id]!;
      const context = await browser.newContext({ locale: 'de-DE' });
      const page = await context.newPage();
      try {
        await page.goto(server.url(`/${tenant}/antrag/${id}`), { waitUntil: 'load' });
        await tabTo(page, (f) => isButton(f, 'Antrag starten'));
        await submitWith(page, 'Enter');
        expect(segmentOf(page.url())).toBe(def.steps[0]!.id);

        // "Weiter" with nothing entered, pressed with Space.
        await tabTo(page, (f) => isButton(f, 'Weiter'));
        // Shift+Tab goes back into the form, Tab returns to "Weiter".
        await page.keyboard.press('Shift+Tab');
        expect(isButton(await focusedControl(page), 'Weiter')).toBe(false);
        await page.keyboard.press('Tab');
        expect(isButton(await focusedControl(page), 'Weiter')).toBe(true);
        await submitWith(page, 'Space');
        expect((await focusedControl(page)).id).toBe('fehlerliste');
        await page.keyboard.press('Tab');
        const link = await focusedControl(page);
        expect(link).toMatchObject({ tag: 'a', inSummary: true });
        expect(link.href).toMatch(/^#/);
        await page.keyboard.press('Enter');
        await expect.poll(async () => (await focusedControl(page)).id).toBe(link.href!.slice(1));
        expect((await focusedControl(page)).tag).toMatch(/^(input|select|textarea)$/);

        // From the field the error pointed at, through every page to the check page.
        const seen: string[] = [];
        for (let guard = 0; guard < 20 && segmentOf(page.url()) !== 'pruefen'; guard++) {
          const segment = segmentOf(page.url());
          seen.push(segment);
          expect(seen.filter((s) => s === segment).length, `${segment} keeps failing`).toBeLessThan(4);
          await answerByKeyboard(page, pairsFor(def, page.url()), requiredUploads(def, page.url()));
        }
        expect(segmentOf(page.url())).toBe('pruefen');
        expect(seen).toContain('einwilligung');

        await tabTo(page, (f) => isButton(f, 'Antrag absenden'));
        await submitWith(page, 'Enter');
        expect(page.url()).toContain('/eingang/');
        expect(segmentOf(page.url())).toMatch(referencePattern);
      } finally {
        await context.close();
      }
    },
  );
});
