import { readFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localize } from '../../src/modules/forms/engine/index.ts';
import { extractPdf } from '../pdf/extract.ts';
import {
  attachPdfs,
  fillPairs,
  journeys,
  loadDefinition,
  pairsFor,
  press,
  requiredUploads,
  segmentOf,
  startAssistant,
} from './assistant-journey.ts';
import { checkA11y, launchChromium, type TestServer } from './harness.ts';
import { sharedServer } from './shared-server.ts';

// The receipt's download link in a real browser: the citizen gets the application PDF (with the reference
// and the embedded data); another browser gets 404 for the same URL.
describe('application PDF from the receipt page', () => {
  let server: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    server = sharedServer();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('hundeabmeldung: submit, download the PDF from the receipt by keyboard; others get 404', async () => {
    const id = 'hundeabmeldung';
    const def = loadDefinition(id);
    const context = await browser.newContext({ locale: 'de-DE', acceptDownloads: true });
    const page = await context.newPage();
    try {
      await startAssistant(page, server.baseUrl, journeys[id]!.tenant, id);
      for (let guard = 0; guard < 40 && segmentOf(page.url()) !== 'pruefen'; guard++) {
        await fillPairs(page, pairsFor(def, page.url()));
        await attachPdfs(page, requiredUploads(def, page.url()));
        await press(page, 'Weiter');
      }
      await press(page, 'Antrag absenden');
      const reference = segmentOf(page.url());
      const link = page.getByRole('link', { name: 'Antrag als PDF herunterladen' });
      expect(await link.getAttribute('href')).toBe(new URL(`${page.url()}/antrag.pdf`).pathname);
      await checkA11y(page, 'receipt with PDF link');

      await link.focus();
      const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
      expect(download.suggestedFilename()).toBe(`antrag-${reference}.pdf`);
      const bytes = await readFile((await download.path())!);
      const pdf = await extractPdf(new Uint8Array(bytes));
      expect(pdf.text).toContain(reference);
      expect(pdf.text).toContain(localize(def.title, 'de'));
      expect(JSON.parse(new TextDecoder().decode(pdf.attachments['antrag.json']!.content)).reference).toBe(reference);

      const other = await browser.newContext({ locale: 'de-DE' });
      const response = await other.request.get(`${page.url()}/antrag.pdf`);
      expect(response.status()).toBe(404);
      await other.close();
    } finally {
      await context.close();
    }
    // A whole journey in a browser: generous on a loaded machine.
  }, 120_000);
});
