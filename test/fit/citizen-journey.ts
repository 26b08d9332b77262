import { expect } from 'vitest';
import { demoOfferings } from '../../src/modules/catalog/demo/offerings.ts';
import type { AssistantDefinition } from '../../src/modules/forms/definition/types.ts';
import { errorsIn, location, postMultipart, postPage, startDraft } from '../forms/journey.ts';
import { type AnswerTable, type FormPairs, stepById, validStepPairs } from '../forms/valid-answers.ts';
import { Browser, csrfFrom, type TestApp } from '../helpers/app.ts';
import { samlLogin } from '../identity/flow.ts';
import { checkout, pathOf } from '../payment/payment-app.ts';

/**
 * A citizen's journey over HTTP (`app.inject`) against an app that runs on the real clock and listens at
 * SAC_BASE_URL (the demo payment provider is reached over HTTP): login through the demo IdP, every step with
 * valid answers, uploads, the check page, submit, and payment at the demo provider where a fee is due.
 */

/** Today as the server sees it (the real clock). */
const today = new Date().toISOString().slice(0, 10);
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

/** Answers the generator cannot guess (patterns, rules, dates near today); fee-bearing where a fee exists. */
export const answerTables: Record<string, AnswerTable> = {
  // Two birth certificates for an identity card: 10 € + 5 € (for a pension they would be free).
  urkundenbestellung: {
    faelle: ['geburt'],
    gebDokument: 'urkunde',
    gebAnzahlUrkunden: '2',
    verwendungszweck: 'ausweis',
  },
  hundeanmeldung: {
    'hunde[0][transponder]': '276098106543210',
    'hunde[0][haltungSeit]': daysAgo(30),
    'hunde[0][geburtsdatum]': daysAgo(700),
    ermaessigung: 'nein',
  },
  hundeabmeldung: { transponder: '276098106543210' },
  begruessungsgeld: { kindGeburtsdatum: daysAgo(60), zuzugsdatum: daysAgo(60) },
  gewerbeanmeldung: { beginn: daysAgo(30), erlaubnis: 'nein' },
};

/**
 * For each assistant a demo municipality that offers it online, spreading them over the municipalities so
 * that every demo destination is used: the one with the fewest picks so far, in the seed's order.
 */
export function municipalitiesFor(assistantIds: readonly string[]): Map<string, string> {
  const picks = new Map<string, number>(Object.keys(demoOfferings).map((slug) => [slug, 0]));
  const chosen = new Map<string, string>();
  for (const id of assistantIds) {
    const offering = Object.entries(demoOfferings)
      .filter(([, offerings]) => offerings.some((o) => o.online && o.assistantId === id))
      .map(([slug]) => slug)
      .sort((a, b) => picks.get(a)! - picks.get(b)!)[0];
    if (!offering) throw new Error(`no demo municipality offers ${id} online`);
    chosen.set(id, offering);
    picks.set(offering, picks.get(offering)! + 1);
  }
  return chosen;
}

/**
 * A test person of the demo IdP at level `substantiell` (enough for every demo offering) whose address is in
 * Wernigerode: Begrüßungsgeld accepts only residents there, and its pre-filled address is locked.
 */
export const citizen = {
  persona: 'eigene',
  kennung: 'fit-every-assistant',
  givenName: 'Paula',
  surname: 'Beispiel',
  birthdate: '1984-05-17',
  street: 'Marktstraße 8',
  postalCode: '38855',
  locality: 'Wernigerode',
  email: 'paula.beispiel@example.org',
  level: 'substantiell',
};

/** A browser logged in as `citizen` through the demo IdP (SAML, BundID profile). */
export async function loggedIn(t: TestApp): Promise<Browser> {
  const browser = new Browser(t.app);
  const { response } = await samlLogin(browser, citizen, { level: 'substantiell' });
  expect(response.statusCode, 'login through the demo IdP').toBe(303);
  return browser;
}

export interface Submitted {
  reference: string;
  /** Whether the journey went through the demo payment provider. */
  paid: boolean;
}

/** Start page → steps → consent → check page → submit → (payment) → receipt. */
export async function submitApplication(
  t: TestApp,
  browser: Browser,
  def: AssistantDefinition,
  tenant: string,
): Promise<Submitted> {
  let url = await startDraft(browser, tenant, def.id);
  const draftUrl = url.slice(0, url.lastIndexOf('/'));
  for (let guard = 0; guard < 30; guard++) {
    const segment = url.slice(url.lastIndexOf('/') + 1).split('?')[0]!;
    if (segment === 'pruefen') break;
    const step = segment === 'einwilligung' ? undefined : stepById(def, segment);
    const pairs: FormPairs = step
      ? { ...validStepPairs(step, today, answerTables[def.id]), aktion: 'weiter' }
      : { einwilligung: 'ja', aktion: 'weiter' };
    const uploads = step?.fields.filter((f) => f.type === 'file' && f.required && !f.when).map((f) => f.id) ?? [];
    const res =
      uploads.length > 0
        ? await postMultipart(t as never, browser, url, pairs, uploads)
        : await postPage(browser, url, pairs);
    expect(res.statusCode, `${def.id} step ${segment}: ${errorsIn(res.body)}`).toBe(303);
    url = location(res);
  }
  const check = await browser.get(url);
  expect(check.statusCode, `${def.id} check page`).toBe(200);
  const submitted = await browser.post(`${draftUrl}/absenden`, { _csrf: csrfFrom(check.body) });
  expect(submitted.statusCode, `${def.id} submit: ${errorsIn(submitted.body)}`).toBe(303);
  let next = pathOf(location(submitted));
  const reference = next.slice(next.lastIndexOf('/') + 1);
  const paid = next.includes('/zahlung/');
  if (paid) {
    const page = await browser.get(next);
    expect(page.statusCode, `${def.id} payment page`).toBe(200);
    const pay = await browser.post(next, { _csrf: csrfFrom(page.body) });
    expect(pay.statusCode, `${def.id} pay`).toBe(303);
    next = pathOf(await checkout(browser, location(pay), 'bezahlt'));
  }
  let receipt = await browser.get(next);
  for (let hops = 0; hops < 3 && receipt.statusCode === 303; hops++)
    receipt = await browser.get(pathOf(location(receipt)));
  expect(receipt.statusCode, `${def.id} receipt ${next}`).toBe(200);
  expect(receipt.body).toContain(reference);
  return { reference, paid };
}
