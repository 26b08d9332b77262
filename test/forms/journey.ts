import { expect } from 'vitest';
import type { AssistantDefinition, Step } from '../../src/modules/forms/definition/types.ts';
import { type Browser, csrfFrom } from '../helpers/app.ts';
import type { FormsApp } from './forms-app.ts';
import { multipartBody, tinyPdf } from './multipart.ts';
import { type AnswerTable, type FormPairs, stepById, validStepPairs } from './valid-answers.ts';

export const TODAY = '2026-03-10';

/** Valid answers for the keeper step of the example definition (Erika Mustermann in Magdeburg). */
export const halterAnswers = {
  vorname: 'Erika',
  familienname: 'Mustermann',
  'geburtsdatum[tag]': '17',
  'geburtsdatum[monat]': '3',
  'geburtsdatum[jahr]': '1985',
  'anschrift[strasse]': 'Breiter Weg',
  'anschrift[hausnummer]': '12a',
  'anschrift[plz]': '39104',
  'anschrift[ort]': 'Magdeburg',
};

/** Path of a redirect. */
export function location(res: { headers: Record<string, unknown> }): string {
  return String(res.headers.location ?? '');
}

/** Starts a draft: start page, "Antrag starten"; returns the first step's URL. */
export async function startDraft(browser: Browser, tenant: string, assistant: string): Promise<string> {
  const start = await browser.get(`/${tenant}/antrag/${assistant}`);
  expect(start.statusCode).toBe(200);
  const res = await browser.post(`/${tenant}/antrag/${assistant}`, { _csrf: csrfFrom(start.body) });
  expect(res.statusCode).toBe(303);
  return location(res);
}

/** Posts a page's form (after loading it for the CSRF token). */
export async function postPage(browser: Browser, url: string, pairs: FormPairs) {
  const page = await browser.get(url);
  expect(page.statusCode, `GET ${url}`).toBe(200);
  return browser.post(url, { ...pairs, _csrf: csrfFrom(page.body) });
}

export interface JourneyResult {
  reference: string;
  receiptUrl: string;
  checkHtml: string;
  draftUrl: string;
}

/**
 * Goes through every step with valid answers, the consent and the check page, and submits.
 * `table` overrides generated answers by form name or field id.
 */
export async function completeJourney(
  app: FormsApp,
  browser: Browser,
  def: AssistantDefinition,
  options: { tenant?: string; table?: AnswerTable } = {},
): Promise<JourneyResult> {
  const tenant = options.tenant ?? 'magdeburg';
  let url = await startDraft(browser, tenant, def.id);
  const draftUrl = url.slice(0, url.lastIndexOf('/'));
  for (let guard = 0; guard < 30; guard++) {
    const segment = url.slice(url.lastIndexOf('/') + 1).split('?')[0]!;
    if (segment === 'pruefen') break;
    const pairs: FormPairs =
      segment === 'einwilligung'
        ? { einwilligung: 'ja' }
        : validStepPairs(stepById(def, segment), TODAY, options.table);
    const step = segment === 'einwilligung' ? undefined : stepById(def, segment);
    const uploads = step ? requiredUploads(step) : [];
    const res =
      uploads.length > 0
        ? await postMultipart(app, browser, url, { ...pairs, aktion: 'weiter' }, uploads)
        : await postPage(browser, url, { ...pairs, aktion: 'weiter' });
    expect(res.statusCode, `step ${segment}: ${res.statusCode === 422 ? errorsIn(res.body) : ''}`).toBe(303);
    url = location(res);
  }
  const check = await browser.get(url);
  expect(check.statusCode).toBe(200);
  const submitted = await browser.post(`${draftUrl}/absenden`, { _csrf: csrfFrom(check.body) });
  expect(submitted.statusCode, errorsIn(submitted.body)).toBe(303);
  const receiptUrl = location(submitted);
  const reference = receiptUrl.slice(receiptUrl.lastIndexOf('/') + 1);
  return { reference, receiptUrl, checkHtml: check.body, draftUrl };
}

/** The error summary's messages, for assertion messages. */
export function errorsIn(html: string): string {
  const list = /id="fehlerliste"[\s\S]*?<ul class="kern-list">([\s\S]*?)<\/ul>/.exec(html)?.[1] ?? '';
  return [...list.matchAll(/>([^<]+)<\/a>/g)].map((m) => m[1]).join(' | ');
}

/** Form names of required top-level file fields and of those in the first item of repeatable groups. */
function requiredUploads(step: Step): string[] {
  const names: string[] = [];
  for (const field of step.fields) {
    if (field.type === 'file' && field.required && !field.when) names.push(field.id);
  }
  return names;
}

/** Posts a step with files, the CSRF token in the action URL as the page's form has it. */
export async function postMultipart(
  app: FormsApp,
  browser: Browser,
  url: string,
  pairs: FormPairs,
  fileNames: string[],
) {
  const page = await browser.get(url);
  const action = /<form method="post" action="([^"]+)"/.exec(page.body)?.[1]?.replace(/&amp;/g, '&');
  expect(action, 'multipart form action').toContain('_csrf=');
  const files = fileNames.map((name) => ({
    name,
    filename: 'nachweis.pdf',
    type: 'application/pdf',
    content: tinyPdf,
  }));
  const body = multipartBody(pairs, files);
  const res = await app.app.inject({
    method: 'POST',
    url: action!,
    payload: body.payload,
    headers: { 'content-type': body.contentType, cookie: browser.cookieHeader },
  });
  return res;
}
