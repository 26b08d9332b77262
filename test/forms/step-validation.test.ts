import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser } from '../helpers/app.ts';
import { createFormsApp, type FormsApp } from './forms-app.ts';
import { errorsIn, halterAnswers, location, postPage, startDraft } from './journey.ts';

const valid = halterAnswers;

describe('step validation: errors re-render with the summary and keep what was typed', () => {
  let app: FormsApp;
  let browser: Browser;
  let firstStep: string;
  beforeAll(async () => {
    app = await createFormsApp();
    browser = new Browser(app.app);
    firstStep = await startDraft(browser, 'magdeburg', 'hundeanmeldung-beispiel');
  });
  afterAll(() => app.close());

  it('renders the step with heading, progress, labels and autocomplete', async () => {
    const page = await browser.get(firstStep);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<h1 class="kern-heading-large">Angaben zu Ihrer Person</h1>');
    expect(page.body).toContain('<p class="kern-preline">Hund anmelden</p>');
    expect(page.body).toMatch(/<progress id="fortschritt" value="1" max="3">Schritt 1 von 3<\/progress>/);
    expect(page.body).toContain('autocomplete="bday-day"');
    expect(page.body).toContain('autocomplete="postal-code"');
    expect(page.body).toContain('<span class="kern-label__optional"> (optional)</span>');
    expect(page.body).toContain('>Zwischenspeichern<');
    expect(page.body).not.toContain('fehlerliste');
  });

  it('required fields: summary with links to the inputs, aria-invalid, "Fehler:" title', async () => {
    const res = await postPage(browser, firstStep, { aktion: 'weiter' });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('<title>Fehler: ');
    expect(res.body).toMatch(/Es gibt 4 Fehler in Ihren Angaben/);
    expect(res.body).toContain('href="#f-vorname"');
    expect(res.body).toContain('href="#f-geburtsdatum-tag"');
    expect(res.body).toContain('href="#f-anschrift-strasse"');
    expect(res.body).toMatch(/id="fehlerliste" tabindex="-1" autofocus/);
    expect(res.body).toMatch(/id="f-vorname"[^>]*aria-invalid="true"[^>]*aria-describedby="f-vorname-fehler"/);
  });

  it('an impossible date keeps the typed parts', async () => {
    const res = await postPage(browser, firstStep, {
      ...valid,
      'geburtsdatum[tag]': '32',
      'geburtsdatum[monat]': '13',
      aktion: 'weiter',
    });
    expect(res.statusCode).toBe(422);
    expect(errorsIn(res.body)).toMatch(/Geburtsdatum/);
    expect(res.body).toMatch(/name="geburtsdatum\[tag\]"[^>]*value="32"/);
    expect(res.body).toMatch(/name="geburtsdatum\[monat\]"[^>]*value="13"/);
    expect(res.body).toMatch(/name="vorname"[^>]*value="Erika"/);
  });

  it('a date rule (must be in the past) uses the message of the definition', async () => {
    const res = await postPage(browser, firstStep, { ...valid, 'geburtsdatum[jahr]': '2030', aktion: 'weiter' });
    expect(res.statusCode).toBe(422);
    expect(errorsIn(res.body)).toContain('Das Geburtsdatum muss in der Vergangenheit liegen.');
  });

  it('a cross-field rule (at least 18 years old)', async () => {
    const res = await postPage(browser, firstStep, { ...valid, 'geburtsdatum[jahr]': '2015', aktion: 'weiter' });
    expect(res.statusCode).toBe(422);
    expect(errorsIn(res.body)).toContain('Sie müssen mindestens 18 Jahre alt sein');
  });

  it('an address with a bad postcode points at the postcode and keeps it', async () => {
    const res = await postPage(browser, firstStep, { ...valid, 'anschrift[plz]': '391', aktion: 'weiter' });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('href="#f-anschrift-plz"');
    expect(res.body).toMatch(/name="anschrift\[plz\]"[^>]*value="391"/);
  });

  it('a 1 MB text value gets a German message on the same page, not a crash', async () => {
    const huge = 'x'.repeat(1024 * 1024);
    const res = await postPage(browser, firstStep, { ...valid, vorname: huge, aktion: 'weiter' });
    expect(res.statusCode).toBe(422);
    expect(errorsIn(res.body)).toMatch(/Vorname/);
    expect(res.body.length).toBeLessThan(100_000);
  });

  it('a valid post redirects to the next step (Post/Redirect/Get) and the values stay', async () => {
    const res = await postPage(browser, firstStep, { ...valid, aktion: 'weiter' });
    expect(res.statusCode).toBe(303);
    expect(location(res)).toMatch(/\/hunde$/);
    const back = await browser.get(firstStep);
    expect(back.body).toMatch(/name="vorname"[^>]*value="Erika"/);
    expect(back.body).toMatch(/name="geburtsdatum\[tag\]"[^>]*value="17"/);
  });

  it('checks the IBAN on the bank step that a choice shows', async () => {
    const hunde = firstStep.replace(/halter$/, 'hunde');
    const dog = {
      'hunde[0][name]': 'Bello',
      'hunde[0][rasse]': 'dackel',
      'hunde[0][haltungBeginn][tag]': '1',
      'hunde[0][haltungBeginn][monat]': '2',
      'hunde[0][haltungBeginn][jahr]': '2025',
    };
    const toKonto = await postPage(browser, hunde, { ...dog, ermaessigung: 'rettungshund', aktion: 'weiter' });
    expect(location(toKonto)).toMatch(/\/konto$/);
    const konto = firstStep.replace(/halter$/, 'konto');
    const res = await postPage(browser, konto, {
      iban: 'DE89 3704 0044 0532 0130 01',
      zustimmung: 'ja',
      aktion: 'weiter',
    });
    expect(res.statusCode).toBe(422);
    expect(errorsIn(res.body)).toMatch(/IBAN/);
    expect(res.body).toMatch(/name="iban"[^>]*value="DE89 3704 0044 0532 0130 01"/);
  });
});
