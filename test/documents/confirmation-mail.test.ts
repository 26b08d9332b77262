import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shippedCodeLists } from '../../src/modules/forms/codelists/index.ts';
import { type AnswerValue, localize, summarize } from '../../src/modules/forms/engine/index.ts';
import { defineConfirmationMailJob } from '../../src/modules/submissions/jobs/confirmation-mail.ts';
import type { JobContext } from '../../src/platform/jobs/index.ts';
import { summaryTexts } from '../pdf/summary-texts.ts';
import { ASSISTANT_IDS, createAccount, createDocumentsApp, type DocumentsApp, insertSubmission } from './setup.ts';

/** Every string and number in the answers (nested groups, addresses, file names). */
function leafValues(value: AnswerValue | unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value === 'number') return [String(value)];
  if (Array.isArray(value)) return value.flatMap(leafValues);
  if (value && typeof value === 'object') return Object.values(value).flatMap(leafValues);
  return [];
}

describe('confirmation e-mail', () => {
  let app: DocumentsApp;
  beforeAll(async () => {
    app = await createDocumentsApp();
  });
  afterAll(() => app.close());

  const context = { job: {}, signal: new AbortController().signal, now: new Date() } as unknown as JobContext;

  for (const id of ASSISTANT_IDS) {
    it(`${id}: links to the receipt and contains no answer value`, async () => {
      const s = await insertSubmission(app, id);
      const def = app.definitions.get(id)!;
      const before = app.mailer.sent.length;
      await defineConfirmationMailJob(app.deps).handler({ tenantId: s.tenantId, submissionId: s.id }, context);
      const mails = app.mailer.sent.slice(before);
      const email = leafValues(s.answers).find((value) => /^[^@\s]+@[^@\s]+$/.test(value));
      if (!email) {
        expect(mails).toHaveLength(0);
        return;
      }
      expect(mails).toHaveLength(1);
      const mail = mails[0]!;
      expect(mail.to).toBe(email);
      const tenant = await app.deps.database.db
        .selectFrom('tenants')
        .select('slug')
        .where('id', '=', s.tenantId)
        .executeTakeFirstOrThrow();
      const receiptUrl = `${app.config.baseUrl}/${tenant.slug}/antrag/${id}/eingang/${s.reference}`;
      expect(mail.text).toContain(receiptUrl);
      expect(mail.text).toContain(s.reference);
      expect(mail.text).not.toContain('/konto/antraege');

      // Raw values (codes, ISO dates, names) and the display values of the summary (11.08.1964, labels of choices).
      const summary = summarize(def, s.answers, { today: '2026-11-30', lang: 'de', codeLists: shippedCodeLists });
      const displayed = summary.flatMap((step) =>
        step.rows.flatMap((row) => (row.kind === 'value' && !row.empty ? [row.displayValue] : [])),
      );
      const candidates = [...new Set([...leafValues(s.answers), ...displayed])].filter((v) => v.trim().length >= 4);
      expect(candidates.length).toBeGreaterThan(5);
      // What the mail may name: the assistant's title, the municipality and the receipt link. The rest must
      // not contain any answer value.
      const tenantRow = await app.deps.database.db
        .selectFrom('tenants')
        .select('name')
        .where('id', '=', s.tenantId)
        .executeTakeFirstOrThrow();
      const mailText = [localize(def.title, 'de'), tenantRow.name, receiptUrl].reduce(
        (text, allowed) => text.split(allowed).join(' '),
        `${mail.subject}\n${mail.text}`,
      );
      for (const value of candidates) expect(mailText, `answer value "${value}" in the mail`).not.toContain(value);
      // Labels of fields are not in it either (only the assistant's title).
      for (const label of summaryTexts(summary).filter((t) => t.length >= 12 && !/^Keine Angabe$/.test(t)))
        expect(mailText).not.toContain(label);
    });
  }

  it('account holders get the Mein Konto link; the status code is never mailed', async () => {
    const account = await createAccount(app);
    const s = await insertSubmission(app, 'urkundenbestellung', { accountId: account });
    const statusCode = 'GEHEIM-1234';
    await app.deps.database.db
      .updateTable('submissions')
      .set({ status_code: app.deps.cipher.encrypt(statusCode, s.id) })
      .where('tenant_id', '=', s.tenantId)
      .where('id', '=', s.id)
      .execute();
    const before = app.mailer.sent.length;
    await defineConfirmationMailJob(app.deps).handler({ tenantId: s.tenantId, submissionId: s.id }, context);
    const mail = app.mailer.sent[before]!;
    expect(mail.text).toContain(`${app.config.baseUrl}/konto/antraege`);
    expect(mail.text).not.toContain(statusCode);
    expect(mail.text).not.toMatch(/Statuscode/i);
  });
});
