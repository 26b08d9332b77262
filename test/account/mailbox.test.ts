import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postMessageToCitizen, postStatusChange } from '../../src/modules/account/inbox-api.ts';
import { defineCitizenNotificationJob, NOTIFICATION_JOB } from '../../src/modules/account/notify/notification-job.ts';
import { scoped } from '../../src/platform/db/scope.ts';
import { multipartBody, tinyPdf } from '../forms/multipart.ts';
import { Browser } from '../helpers/app.ts';
import { type AccountApp, type Citizen, createAccountApp, login, submitAs } from './account-app.ts';

let t: AccountApp;
let erika: Citizen;
let max: Citizen;
beforeAll(async () => {
  t = await createAccountApp();
  erika = await login(t, 'erika');
  max = await login(t, 'max');
});
afterAll(() => t.close());

const SUBJECT = 'Nachforderung Unterlagen Geheimbetreff';
const BODY = 'Bitte senden Sie uns den Geheimtext-Nachweis bis Freitag.';

async function post(
  submission: { id: string; tenant_id: string },
  extra: Partial<Parameters<typeof postMessageToCitizen>[2]> = {},
) {
  return t.deps.database.db.transaction().execute((trx) =>
    postMessageToCitizen(trx, t.deps, {
      tenantId: submission.tenant_id,
      submissionId: submission.id,
      actor: 'staff:test',
      subject: SUBJECT,
      body: BODY,
      attachments: [{ filename: 'Bescheid Entwurf.pdf', mimeType: 'application/pdf', content: tinyPdf }],
      ...extra,
    }),
  );
}

const notificationJobs = (submissionId: string) =>
  t.deps.database.db
    .selectFrom('jobs')
    .select(['id', 'payload', 'run_at', 'dedupe_key'])
    .where('kind', '=', NOTIFICATION_JOB)
    .where('dedupe_key', 'like', `${NOTIFICATION_JOB}:${submissionId}:%`)
    .execute();

async function runNotification(submission: { id: string; tenant_id: string }) {
  t.mailer.sent.length = 0;
  await defineCitizenNotificationJob(t.deps).handler(
    { tenantId: submission.tenant_id, submissionId: submission.id },
    { job: {} as never, signal: new AbortController().signal, now: t.clock.now() },
  );
  return [...t.mailer.sent];
}

function replyRequest(
  browser: Browser,
  page: string,
  text: string,
  files: { filename: string; type: string; content: Buffer }[],
) {
  const action = /<form method="post" action="([^"]+)" enctype="multipart\/form-data"/
    .exec(page)?.[1]
    ?.replace(/&amp;/g, '&');
  expect(action).toContain('_csrf=');
  const body = multipartBody(
    { text },
    files.map((f) => ({ name: 'anhaenge', ...f })),
  );
  return t.app.inject({
    method: 'POST',
    url: action!,
    payload: body.payload,
    headers: { 'content-type': body.contentType, cookie: browser.cookieHeader },
  });
}

describe('mailbox', () => {
  it('a posted message appears in the mailbox, unread until opened; the mail says only that news is waiting', async () => {
    const sub = await submitAs(t, erika);
    const { messageId } = await post(sub);
    // Stored encrypted.
    const raw = await scoped(t.testDb.database.db, sub.tenant_id)
      .selectFrom('mailbox_messages')
      .selectAll()
      .where('id', '=', messageId)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(raw)).not.toMatch(/Geheim/);
    const files = await scoped(t.testDb.database.db, sub.tenant_id)
      .selectFrom('mailbox_attachments')
      .selectAll()
      .where('message_id', '=', messageId)
      .execute();
    expect(files).toHaveLength(1);
    expect(files[0]!.content_encrypted).not.toContain('%PDF');

    expect((await erika.browser.get('/konto')).body).toContain('1 ungelesene Nachricht');
    const box = await erika.browser.get('/konto/postfach');
    expect(box.statusCode).toBe(200);
    expect(box.body).toContain(SUBJECT);
    expect(box.body).toContain(sub.reference);
    expect(box.body).toContain('Ungelesen');

    const page = await erika.browser.get(`/konto/postfach/${messageId}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(BODY);
    expect(page.body).toContain('Bescheid Entwurf.pdf');
    expect((await erika.browser.get('/konto/postfach')).body).not.toContain('Ungelesen');
    expect((await erika.browser.get('/konto')).body).toContain('Keine ungelesenen Nachrichten.');
    expect((await erika.browser.get(`/konto/antraege/${sub.reference}`)).body).toContain(SUBJECT);

    // The notification job: one coalesced job, a mail with the reference and the mailbox link only.
    const jobs = await notificationJobs(sub.id);
    expect(jobs).toHaveLength(1);
    const mails = await runNotification(sub);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.to).toBe('erika@example.org');
    expect(mails[0]!.text).toContain(sub.reference);
    expect(mails[0]!.text).toContain(`${t.config.baseUrl}/konto/postfach`);
    expect(`${mails[0]!.subject}\n${mails[0]!.text}`).not.toMatch(/Geheim|Nachforderung|Bescheid/);
    expect(mails[0]!.attachments).toBeUndefined();
  });

  it('downloads attachments for the owner only, as attachment with the checked type and nosniff', async () => {
    const sub = await submitAs(t, erika);
    const { messageId } = await post(sub);
    const page = await erika.browser.get(`/konto/postfach/${messageId}`);
    const href = /href="(\/konto\/postfach\/anhang\/[0-9a-f-]+)"/.exec(page.body)![1]!;
    const file = await erika.browser.get(href);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['content-disposition']).toContain('attachment;');
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    expect(file.rawPayload.equals(tinyPdf)).toBe(true);

    expect((await max.browser.get(href)).statusCode).toBe(404);
    expect((await max.browser.get(`/konto/postfach/${messageId}`)).statusCode).toBe(404);
    expect((await max.browser.get('/konto/postfach')).body).not.toContain(SUBJECT);
    expect((await new Browser(t.app).get(href)).statusCode).toBe(303);
    expect((await erika.browser.get('/konto/postfach/anhang/not-a-uuid')).statusCode).toBe(404);
  });

  it('takes a reply with an allowed attachment, stored encrypted with direction citizen', async () => {
    const sub = await submitAs(t, erika);
    const { messageId } = await post(sub, { attachments: [] });
    const page = await erika.browser.get(`/konto/postfach/${messageId}`);
    const res = await replyRequest(erika.browser, page.body, 'Anbei der Nachweis, Geheimantwort.', [
      { filename: 'nachweis.pdf', type: 'application/pdf', content: tinyPdf },
    ]);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/konto/postfach/${messageId}?gesendet=1`);
    expect((await erika.browser.get(String(res.headers.location))).body).toContain('Ihre Antwort wurde gesendet.');

    const db = scoped(t.testDb.database.db, sub.tenant_id);
    const replies = await db
      .selectFrom('mailbox_messages')
      .selectAll()
      .where('submission_id', '=', sub.id)
      .where('direction', '=', 'citizen')
      .execute();
    expect(replies).toHaveLength(1);
    expect(replies[0]!.in_reply_to).toBe(messageId);
    expect(JSON.stringify(replies)).not.toContain('Geheimantwort');
    const files = await db
      .selectFrom('mailbox_attachments')
      .selectAll()
      .where('message_id', '=', replies[0]!.id)
      .execute();
    expect(files.map((f) => f.mime_type)).toEqual(['application/pdf']);
    // The temporary upload rows are gone.
    const uploads = await db.selectFrom('uploads').select('id').where('draft_id', '=', replies[0]!.id).execute();
    expect(uploads).toHaveLength(0);
    // The reply is listed in the application's messages and can be opened (no reply form on one's own reply).
    const detail = await erika.browser.get(`/konto/antraege/${sub.reference}`);
    expect(detail.body).toContain('Ihre Antwort');
    const own = await erika.browser.get(`/konto/postfach/${replies[0]!.id}`);
    expect(own.statusCode).toBe(200);
    expect(own.body).toContain('Anbei der Nachweis');
    expect(own.body).not.toContain('Antwort senden');
    // Max cannot reply to Erika's message.
    const maxPage = await max.browser.get('/konto');
    const forged = await replyRequest(
      max.browser,
      page.body.replace(
        /_csrf=[^"&]+/,
        `_csrf=${encodeURIComponent(/name="_csrf" value="([^"]+)"/.exec(maxPage.body)![1]!)}`,
      ),
      'x',
      [],
    );
    expect(forged.statusCode).toBe(404);
  });

  it('refuses a forbidden file type with a German message on the same page, keeping the text', async () => {
    const sub = await submitAs(t, erika);
    const { messageId } = await post(sub, { attachments: [] });
    const page = await erika.browser.get(`/konto/postfach/${messageId}`);
    const res = await replyRequest(erika.browser, page.body, 'Mein Text bleibt erhalten', [
      {
        filename: 'schad.html',
        type: 'application/pdf',
        content: Buffer.from('<html><script>alert(1)</script></html>'),
      },
    ]);
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('<title>Fehler: ');
    expect(res.body).toContain('hat kein erlaubtes Format. Erlaubt sind: PDF, JPEG, PNG.');
    expect(res.body).toContain('Mein Text bleibt erhalten');
    const empty = await replyRequest(erika.browser, page.body, '   ', []);
    expect(empty.statusCode).toBe(422);
    expect(empty.body).toContain('Bitte geben Sie Ihre Antwort ein.');
    const replies = await scoped(t.testDb.database.db, sub.tenant_id)
      .selectFrom('mailbox_messages')
      .select('id')
      .where('submission_id', '=', sub.id)
      .where('direction', '=', 'citizen')
      .execute();
    expect(replies).toHaveLength(0);
    const leftovers = await scoped(t.testDb.database.db, sub.tenant_id)
      .selectFrom('uploads')
      .select('id')
      .where('submission_id', 'is', null)
      .where('field_id', '=', 'anhaenge')
      .execute();
    expect(leftovers).toHaveLength(0);
  });

  it('refuses messages to another tenant’s submission and to unknown ids', async () => {
    const sub = await submitAs(t, erika);
    await expect(post({ id: sub.id, tenant_id: t.tenantIds.get('halberstadt')! })).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(post({ id: 'nope', tenant_id: sub.tenant_id })).rejects.toMatchObject({ code: 'not_found' });
    await expect(post(sub, { subject: '  ' })).rejects.toMatchObject({ code: 'validation' });
  });
});

describe('notifications for status changes', () => {
  async function toDelivered(sub: { id: string; tenant_id: string }) {
    await t.deps.database.db.transaction().execute(async (trx) => {
      const base = { tenantId: sub.tenant_id, submissionId: sub.id, actor: 'system' };
      const row = await scoped(trx, sub.tenant_id)
        .selectFrom('submissions')
        .select('state')
        .where('id', '=', sub.id)
        .executeTakeFirstOrThrow();
      if (row.state === 'awaiting_payment') {
        await postStatusChange(trx, t.deps, { ...base, to: 'paid' });
        await postStatusChange(trx, t.deps, { ...base, to: 'ready_for_delivery' });
      }
      expect((await postStatusChange(trx, t.deps, { ...base, to: 'delivered' })).ok).toBe(true);
    });
  }

  it('technical steps stay silent; a burst of citizen-relevant changes gives one mail per minute', async () => {
    const sub = await submitAs(t, erika);
    await toDelivered(sub);
    expect(await notificationJobs(sub.id)).toHaveLength(0);
    const base = { tenantId: sub.tenant_id, submissionId: sub.id, actor: 'staff:1' };
    await t.deps.database.db.transaction().execute(async (trx) => {
      expect((await postStatusChange(trx, t.deps, { ...base, to: 'received' })).ok).toBe(true);
      expect((await postStatusChange(trx, t.deps, { ...base, to: 'in_progress' })).ok).toBe(true);
    });
    await t.deps.database.db.transaction().execute(async (trx) => {
      expect((await postStatusChange(trx, t.deps, { ...base, to: 'information_needed', note: 'Geheimnotiz' })).ok).toBe(
        true,
      );
    });
    const jobs = await notificationJobs(sub.id);
    expect(jobs).toHaveLength(1);
    // It runs when the minute is over, so the burst is in one mail.
    expect(new Date(jobs[0]!.run_at).getTime()).toBeGreaterThan(t.clock.now().getTime());
    t.clock.advance(61_000);
    await t.deps.database.db.transaction().execute(async (trx) => {
      expect((await postStatusChange(trx, t.deps, { ...base, to: 'completed' })).ok).toBe(true);
    });
    expect(await notificationJobs(sub.id)).toHaveLength(2);
    const mails = await runNotification(sub);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.text).not.toMatch(/Geheimnotiz|Abgeschlossen|Bearbeitung/);
  });

  it('the notification job is registered with the worker', async () => {
    const { buildJobRegistry } = await import('../../src/jobs.ts');
    expect(buildJobRegistry(t.deps).kinds()).toContain(NOTIFICATION_JOB);
  });
});
