import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser, csrfFrom } from '../helpers/app.ts';
import { createFormsApp, type FormsApp } from './forms-app.ts';
import { errorsIn, location, postPage, startDraft } from './journey.ts';

const dog = (i: number, name: string) => ({
  [`hunde[${i}][name]`]: name,
  [`hunde[${i}][rasse]`]: 'dackel',
  [`hunde[${i}][haltungBeginn][tag]`]: '1',
  [`hunde[${i}][haltungBeginn][monat]`]: '2',
  [`hunde[${i}][haltungBeginn][jahr]`]: '2025',
});

const itemCount = (html: string) =>
  (html.match(/<legend class="kern-label kern-label--large">Hund \d+<\/legend>/g) ?? []).length;

describe('repeatable groups without JavaScript (min 1, max 5)', () => {
  let app: FormsApp;
  let browser: Browser;
  let hunde: string;
  beforeAll(async () => {
    app = await createFormsApp();
    browser = new Browser(app.app);
    const first = await startDraft(browser, 'magdeburg', 'hundeanmeldung-beispiel');
    hunde = first.replace(/halter$/, 'hunde');
  });
  afterAll(() => app.close());

  it('at 0 stored items shows the minimum (1) item, an add button and no remove button', async () => {
    const page = await browser.get(hunde);
    expect(itemCount(page.body)).toBe(1);
    expect(page.body).toContain('value="add:hunde"');
    expect(page.body).not.toContain('value="remove:hunde:0"');
  });

  it('"Weiteren Hund hinzufügen" adds an item and keeps what was typed', async () => {
    const res = await postPage(browser, hunde, { ...dog(0, 'Bello'), aktion: 'add:hunde' });
    expect(res.statusCode).toBe(303);
    expect(location(res)).toBe(hunde);
    const page = await browser.get(hunde);
    expect(itemCount(page.body)).toBe(2);
    expect(page.body).toMatch(/name="hunde\[0\]\[name\]"[^>]*value="Bello"/);
    expect(page.body).toContain('value="remove:hunde:1"');
  });

  it('"Entfernen" removes exactly that item and renumbers the rest', async () => {
    // The page now shows three items; a browser posts all of them.
    const res = await postPage(browser, hunde, {
      ...dog(0, 'Bello'),
      ...dog(1, 'Rex'),
      ...dog(2, 'Max'),
      aktion: 'remove:hunde:0',
    });
    expect(res.statusCode).toBe(303);
    const page = await browser.get(hunde);
    expect(itemCount(page.body)).toBe(2);
    expect(page.body).toMatch(/name="hunde\[0\]\[name\]"[^>]*value="Rex"/);
    expect(page.body).toMatch(/name="hunde\[1\]\[name\]"[^>]*value="Max"/);
  });

  it('at the maximum (5) the add button disappears; a forged add (max+1) changes nothing', async () => {
    const all = { ...dog(0, 'A'), ...dog(1, 'B'), ...dog(2, 'C'), ...dog(3, 'D'), ...dog(4, 'E') };
    await postPage(browser, hunde, { ...all, aktion: 'weiter', ermaessigung: 'nein' });
    let page = await browser.get(hunde);
    expect(itemCount(page.body)).toBe(5);
    expect(page.body).not.toContain('value="add:hunde"');
    await browser.post(hunde, { ...all, ermaessigung: 'nein', aktion: 'add:hunde', _csrf: csrfFrom(page.body) });
    page = await browser.get(hunde);
    expect(itemCount(page.body)).toBe(5);
  });

  it('more than the maximum posted at once is an error with a message', async () => {
    const six = { ...dog(0, 'A'), ...dog(1, 'B'), ...dog(2, 'C'), ...dog(3, 'D'), ...dog(4, 'E'), ...dog(5, 'F') };
    const res = await postPage(browser, hunde, { ...six, ermaessigung: 'nein', aktion: 'weiter' });
    expect(res.statusCode).toBe(422);
    expect(errorsIn(res.body)).toContain('höchstens 5 Einträge');
  });

  it('removing down to the minimum hides the remove button; below the minimum is an error', async () => {
    const res = await postPage(browser, hunde, { ...dog(0, 'A'), ermaessigung: 'nein', aktion: 'weiter' });
    expect(res.statusCode).toBe(303);
    const page = await browser.get(hunde);
    expect(itemCount(page.body)).toBe(1);
    expect(page.body).not.toContain('value="remove:hunde:0"');
    const none = await postPage(browser, hunde, { ermaessigung: 'nein', aktion: 'weiter' });
    expect(none.statusCode).toBe(422);
  });
});
