import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser } from '../helpers/app.ts';
import { createFormsApp, type FormsApp } from './forms-app.ts';
import { postPage, startDraft } from './journey.ts';

describe('language of the assistant pages', () => {
  let app: FormsApp;
  beforeAll(async () => {
    app = await createFormsApp();
  });
  afterAll(() => app.close());

  it('is German by default and English where the definition has translations and the visitor chose English', async () => {
    const browser = new Browser(app.app);
    const first = await startDraft(browser, 'magdeburg', 'hundeanmeldung-beispiel');
    const german = await browser.get(first);
    expect(german.body).toContain('Angaben zu Ihrer Person');
    expect(german.body).toContain('>Weiter<');
    browser.cookies.set('sac_lang', 'en');
    const english = await browser.get(first);
    expect(english.body).toContain('<h1 class="kern-heading-large">About you</h1>');
    expect(english.body).toContain('<p class="kern-preline">Register a dog</p>');
    expect(english.body).toContain('>Continue<');
    const errors = await postPage(browser, first, { aktion: 'weiter' });
    expect(errors.body).toMatch(/There are \d+ problems with your answers/);
  });
});
