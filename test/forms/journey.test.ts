import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeeResult } from '../../src/modules/forms/engine/index.ts';
import { scoped } from '../../src/platform/db/scope.ts';
import { Browser, csrfFrom } from '../helpers/app.ts';
import { createFormsApp, exampleDefinition, type FormsApp } from './forms-app.ts';
import { completeJourney, location, startDraft } from './journey.ts';

describe('assistant journey (example definition)', () => {
  let app: FormsApp;
  beforeAll(async () => {
    app = await createFormsApp();
  });
  afterAll(() => app.close());

  it('goes from the start page through every step, consent and check to the receipt', async () => {
    const browser = new Browser(app.app);
    const result = await completeJourney(app, browser, exampleDefinition, {
      table: { vorname: 'Erika', familienname: 'Mustermann', ermaessigung: 'rettungshund' },
    });
    expect(result.reference).toMatch(/^MD-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
    expect(result.checkHtml).toContain('Prüfen Sie Ihre Angaben');
    expect(result.checkHtml).toContain('Erika');
    // Fee lines are computed on the check page (a rescue dog is free of charge) and kept on the submission.
    expect(result.checkHtml).toContain('Hundesteuermarke für Beispiel');
    expect(result.checkHtml).toContain('gebührenfrei');
    const receipt = await browser.get(result.receiptUrl);
    expect(receipt.statusCode).toBe(200);
    expect(receipt.body).toContain(result.reference);
    expect(receipt.body).toContain('Antrag eingegangen');
  });

  it('keeps the computed fee lines on the submission and says that payment follows', async () => {
    const browser = new Browser(app.app);
    const result = await completeJourney(app, browser, exampleDefinition, { table: { ermaessigung: 'nein' } });
    expect(result.checkHtml).toContain('5,00');
    expect(result.checkHtml).toContain('Die Bezahlung der Gebühr wird Ihnen nach dem Absenden mitgeteilt.');
    const row = await scoped(app.testDb.database.db, app.tenantIds.get('magdeburg')!)
      .selectFrom('submissions')
      .select(['fees', 'state', 'assistant_id', 'assistant_version', 'language'])
      .where('reference', '=', result.reference)
      .executeTakeFirstOrThrow();
    const fees = (typeof row.fees === 'string' ? JSON.parse(row.fees) : row.fees) as FeeResult;
    expect(fees.totalCents).toBe(500);
    expect(fees.lines).toHaveLength(1);
    expect(row).toMatchObject({
      state: 'awaiting_payment',
      assistant_id: 'hundeanmeldung-beispiel',
      assistant_version: '1.0.0',
      language: 'de',
    });
  });

  it('"Zurück" saves what was typed and goes to the previous step', async () => {
    const browser = new Browser(app.app);
    const first = await startDraft(browser, 'magdeburg', exampleDefinition.id);
    const hunde = first.replace(/halter$/, 'hunde');
    const page = await browser.get(hunde);
    const res = await browser.post(hunde, { 'hunde[0][name]': 'Waldi', aktion: 'zurueck', _csrf: csrfFrom(page.body) });
    expect(res.statusCode).toBe(303);
    expect(location(res)).toBe(first);
    expect((await browser.get(hunde)).body).toMatch(/name="hunde\[0\]\[name\]"[^>]*value="Waldi"/);
  });
});
