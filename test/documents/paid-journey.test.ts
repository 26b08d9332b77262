import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishDefinition } from '../../src/modules/forms/assistants-store/ops/publish-definition.ts';
import { xoevMappingFor } from '../../src/modules/submissions/documents/index.ts';
import { scoped } from '../../src/platform/db/scope.ts';
import { completeJourney } from '../forms/journey.ts';
import { Browser, csrfFrom } from '../helpers/app.ts';
import {
  checkout,
  createPaymentApp,
  location,
  type PaymentApp,
  pathOf,
  paymentsOf,
  submissionOf,
} from '../payment/payment-app.ts';
import { extractPdf, squash } from '../pdf/extract.ts';
import { loadAssistant } from '../pdf/fixtures.ts';

// "Done means" of the payment/PDF issue over HTTP: order two birth certificates (10 € + 5 €), pay 15 € at
// the demo provider, download the PDF from the receipt with the Kassenzeichen and both embedded data files.
describe('Urkundenbestellung paid through the demo provider, then the PDF from the receipt', () => {
  let t: PaymentApp;
  beforeAll(async () => {
    t = await createPaymentApp();
    const def = loadAssistant('urkundenbestellung');
    await publishDefinition(t.deps.database, def);
    const service = await t.deps.database.db
      .insertInto('services')
      .values({ leika_key: '99027002012000', slug: 'test-urkunden', name: 'Geburtsurkunde' })
      .onConflict((oc) => oc.column('leika_key').doUpdateSet({ name: 'Geburtsurkunde' }))
      .returning('id')
      .executeTakeFirstOrThrow();
    await scoped(t.deps.database.db, t.tenantIds.get('magdeburg')!)
      .insertInto('offerings', { service_id: service.id, online: true, assistant_id: def.id })
      .execute();
  });
  afterAll(() => t.close());

  it('15 € paid; the PDF shows Kassenzeichen and fees and carries antrag.json and a valid antrag.xml', async () => {
    const def = loadAssistant('urkundenbestellung');
    const browser = new Browser(t.app);
    const result = await completeJourney(t as never, browser, def, {
      tenant: 'magdeburg',
      table: { gebAnzahlUrkunden: '2', verwendungszweck: 'sonstiges', zweckSonstiges: 'Einbürgerung' },
    });
    const reference = result.reference;
    const base = `/magdeburg/antrag/urkundenbestellung`;
    expect(pathOf(result.receiptUrl)).toBe(`${base}/zahlung/${reference}`);

    const page = await browser.get(`${base}/zahlung/${reference}`);
    expect(page.body).toContain('15,00');
    const pay = await browser.post(`${base}/zahlung/${reference}`, { _csrf: csrfFrom(page.body) });
    expect(pay.statusCode).toBe(303);
    await browser.get(pathOf(await checkout(browser, location(pay), 'bezahlt')));

    const submission = await submissionOf(t, reference);
    expect(submission.state).toBe('ready_for_delivery');
    const [payment] = await paymentsOf(t, submission.id);
    const kassenzeichen = payment!.transaction_reference!;
    expect(payment!.amount_cents).toBe(1500);

    const res = await browser.get(`${base}/eingang/${reference}/antrag.pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const pdf = await extractPdf(new Uint8Array(res.rawPayload));
    const text = squash(pdf.text);
    for (const wanted of [
      reference,
      kassenzeichen,
      'Bezahlt',
      '15,00€',
      'Geburtsurkunde(2Exemplar(e))',
      'Einbürgerung',
    ])
      expect(text, wanted).toContain(squash(wanted));

    const json = JSON.parse(new TextDecoder().decode(pdf.attachments['antrag.json']!.content));
    expect(json.payment).toEqual({ status: 'paid', amountCents: 1500, transactionReference: kassenzeichen });
    expect(json.answers.gebAnzahlUrkunden).toBe(2);
    const xml = new TextDecoder().decode(pdf.attachments['antrag.xml']!.content);
    expect(() => xoevMappingFor('urkundenbestellung')!.validate(xml)).not.toThrow();
    expect(xml).toContain(`<kassenzeichen>${kassenzeichen}</kassenzeichen>`);
    expect(xml).toContain('<betrag waehrung="EUR">15.00</betrag>');
    expect(xml).toContain('<kennung art="ARS">150030000000</kennung>');

    // Another browser: 404 for the same URL.
    expect((await new Browser(t.app).get(`${base}/eingang/${reference}/antrag.pdf`)).statusCode).toBe(404);
  });
});
