import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser } from '../helpers/app.ts';
import { createFormsApp, exampleDefinition, type FormsApp } from './forms-app.ts';
import { completeJourney } from './journey.ts';

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
    const receipt = await browser.get(result.receiptUrl);
    expect(receipt.statusCode).toBe(200);
    expect(receipt.body).toContain(result.reference);
    expect(receipt.body).toContain('Antrag eingegangen');
  });
});
