import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Answers } from '../../src/modules/forms/engine/index.ts';
import { defineConfirmationMailJob } from '../../src/modules/submissions/jobs/confirmation-mail.ts';
import { scoped } from '../../src/platform/db/scope.ts';
import { Browser, csrfFrom } from '../helpers/app.ts';
import { createFormsApp, exampleDefinition, exampleWithEmail, type FormsApp } from './forms-app.ts';
import { completeJourney, halterAnswers, location, postPage, startDraft } from './journey.ts';

const halter = halterAnswers;
const hund = {
  'hunde[0][name]': 'Bello',
  'hunde[0][rasse]': 'dackel',
  'hunde[0][haltungBeginn][tag]': '1',
  'hunde[0][haltungBeginn][monat]': '2',
  'hunde[0][haltungBeginn][jahr]': '2025',
};

describe('submit', () => {
  let app: FormsApp;
  beforeAll(async () => {
    app = await createFormsApp();
    await app.offer(exampleWithEmail());
  });
  afterAll(() => app.close());

  const submissions = (slug = 'magdeburg') =>
    scoped(app.testDb.database.db, app.tenantIds.get(slug)!).selectFrom('submissions').selectAll().execute();

  it('drops the answers of a step hidden by a later change ("Ändern" from the check page)', async () => {
    const browser = new Browser(app.app);
    const first = await startDraft(browser, 'magdeburg', exampleDefinition.id);
    const base = first.slice(0, first.lastIndexOf('/'));
    expect(location(await postPage(browser, first, { ...halter, aktion: 'weiter' }))).toBe(`${base}/hunde`);
    const toKonto = await postPage(browser, `${base}/hunde`, {
      ...hund,
      ermaessigung: 'rettungshund',
      aktion: 'weiter',
    });
    expect(location(toKonto)).toBe(`${base}/konto`);
    const toConsent = await postPage(browser, `${base}/konto`, {
      iban: 'DE89370400440532013000',
      zustimmung: 'ja',
      aktion: 'weiter',
    });
    expect(location(toConsent)).toBe(`${base}/einwilligung`);
    expect(location(await postPage(browser, `${base}/einwilligung`, { einwilligung: 'ja' }))).toBe(`${base}/pruefen`);
    const before = await browser.get(`${base}/pruefen`);
    expect(before.body).toContain('DE89 3704 0044 0532 0130 00');
    expect(before.body).toContain(`href="${base}/hunde?zurueck=pruefen"`);

    const changed = await postPage(browser, `${base}/hunde?zurueck=pruefen`, {
      ...hund,
      ermaessigung: 'nein',
      aktion: 'weiter',
    });
    expect(location(changed)).toBe(`${base}/pruefen`);
    const check = await browser.get(`${base}/pruefen`);
    expect(check.body).not.toContain('DE89');
    const res = await browser.post(`${base}/absenden`, { _csrf: csrfFrom(check.body) });
    expect(res.statusCode).toBe(303);
    const reference = location(res).split('/').pop()!;
    const row = (await submissions()).find((s) => s.reference === reference)!;
    const answers = app.deps.cipher.decryptJson<Answers>(row.answers, row.id);
    expect(answers.iban).toBeUndefined();
    expect(answers.zustimmung).toBeUndefined();
    expect(answers.vorname).toBe('Erika');
    expect(row.assistant_version).toBe('1.0.0');
  });

  it('10 concurrent "Antrag absenden" create exactly one submission; every click lands on the same receipt', async () => {
    const browser = new Browser(app.app);
    const before = (await submissions()).length;
    let draftUrl = '';
    let csrf = '';
    // Stop on the check page: complete the journey by hand up to there.
    const first = await startDraft(browser, 'magdeburg', exampleDefinition.id);
    draftUrl = first.slice(0, first.lastIndexOf('/'));
    await postPage(browser, first, { ...halter, aktion: 'weiter' });
    await postPage(browser, `${draftUrl}/hunde`, { ...hund, ermaessigung: 'nein', aktion: 'weiter' });
    await postPage(browser, `${draftUrl}/einwilligung`, { einwilligung: 'ja' });
    const check = await browser.get(`${draftUrl}/pruefen`);
    csrf = csrfFrom(check.body);
    const results = await Promise.all(
      Array.from({ length: 10 }, () => browser.post(`${draftUrl}/absenden`, { _csrf: csrf })),
    );
    expect(results.map((r) => r.statusCode)).toEqual(Array(10).fill(303));
    expect(new Set(results.map(location)).size).toBe(1);
    expect((await submissions()).length).toBe(before + 1);
    const jobs = await app.testDb.database.db
      .selectFrom('jobs')
      .select('payload')
      .where('kind', '=', 'submission.confirmation-mail')
      .execute();
    const submissionIds = jobs.map(
      (job) => (typeof job.payload === 'string' ? JSON.parse(job.payload) : job.payload).submissionId,
    );
    expect(new Set(submissionIds).size).toBe(submissionIds.length);
    const receipt = await browser.get(location(results[0]!));
    expect(receipt.statusCode).toBe(200);
    // A later visit of the draft's pages leads to the receipt as well.
    expect(location(await browser.get(`${draftUrl}/pruefen`))).toBe(location(results[0]!));
  });

  it('the confirmation job mails reference and receipt link, never the answers', async () => {
    const browser = new Browser(app.app);
    const xss = '<script>alert(1)</script>';
    const result = await completeJourney(app, browser, exampleWithEmail(), {
      table: { vorname: xss, familienname: 'Geheimname', email: 'erika@example.org', ermaessigung: 'nein' },
    });
    const row = (await submissions()).find((s) => s.reference === result.reference)!;
    const job = defineConfirmationMailJob(app.deps);
    app.mailer.sent.length = 0;
    await job.handler(
      { tenantId: row.tenant_id, submissionId: row.id },
      { job: {} as never, signal: new AbortController().signal, now: new Date() },
    );
    expect(app.mailer.sent).toHaveLength(1);
    const mail = app.mailer.sent[0]!;
    expect(mail.to).toBe('erika@example.org');
    expect(mail.text).toContain(result.reference);
    expect(mail.text).toContain(`/magdeburg/antrag/beispiel-mit-mail/eingang/${result.reference}`);
    expect(mail.text).not.toContain('Geheimname');
    expect(mail.text).not.toContain('<script>');
    expect(mail.subject).not.toContain('<');
  });

  it('the receipt is only visible to the session that submitted', async () => {
    const owner = new Browser(app.app);
    const result = await completeJourney(app, owner, exampleDefinition, { table: { ermaessigung: 'nein' } });
    expect((await owner.get(result.receiptUrl)).statusCode).toBe(200);
    expect((await new Browser(app.app).get(result.receiptUrl)).statusCode).toBe(404);
    expect((await owner.get(result.receiptUrl.replace('/magdeburg/', '/halberstadt/'))).statusCode).toBe(404);
  });

  it('"Antrag absenden" validates everything again: missing answers go back to the check page with links to the steps', async () => {
    const browser = new Browser(app.app);
    const first = await startDraft(browser, 'magdeburg', exampleDefinition.id);
    const base = first.slice(0, first.lastIndexOf('/'));
    expect(location(await browser.get(`${base}/pruefen`))).toBe(`${base}/einwilligung`);
    await postPage(browser, `${base}/einwilligung`, { einwilligung: 'ja' });
    const check = await browser.get(`${base}/pruefen`);
    expect(check.statusCode).toBe(200);
    expect(check.body).toContain(`href="${base}/halter?zurueck=pruefen#f-vorname"`);
    expect(check.body).not.toContain('<span class="kern-label">Antrag absenden</span>');
    // A forged post of the (absent) submit button, with the session's valid token from a step page.
    const csrf = csrfFrom((await browser.get(first)).body);
    const res = await browser.post(`${base}/absenden`, { _csrf: csrf });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Fehler: ');
    expect((await submissions()).some((s) => s.draft_id === first.split('/').at(-2))).toBe(false);
  });
});
