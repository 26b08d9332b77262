import type { Deps } from '../../../platform/deps.ts';
import { defineJob, type Executor, type JobDefinition, PermanentJobError } from '../../../platform/jobs/index.ts';
import { findPublishedDefinition } from '../../forms/assistants-store/repo.ts';
import type { Answers } from '../../forms/engine/index.ts';
import { localize } from '../../forms/engine/index.ts';
import { emailInAnswers } from '../../submissions/applicant-email.ts';

export const EXPIRY_NOTICE_JOB = 'payment.expiry-notice';

export interface ExpiryNoticePayload {
  tenantId: string;
  submissionId: string;
}

/** Enqueued in the transaction that expires the submission (once per submission). */
export function enqueueExpiryNotice(trx: Executor, payload: ExpiryNoticePayload) {
  return defineJob<ExpiryNoticePayload>(EXPIRY_NOTICE_JOB, async () => {}, { maxAttempts: 8 }).enqueue(trx, payload, {
    tenantId: payload.tenantId,
    dedupeKey: `${EXPIRY_NOTICE_JOB}:${payload.submissionId}`,
  });
}

/** The notice text: which application expired and why; no answers. */
export function expiryNoticeText(input: { tenantName: string; title: string; reference: string; hours: number }) {
  return {
    subject: `Antrag verfallen: ${input.reference}`,
    text: [
      'Guten Tag,',
      '',
      `Ihr Antrag „${input.title}“ bei ${input.tenantName} (Vorgangsnummer ${input.reference}) ist verfallen, weil die Gebühr nicht innerhalb von ${input.hours} Stunden bezahlt wurde.`,
      '',
      'Es wurde nichts abgebucht. Wenn Sie die Leistung weiterhin benötigen, stellen Sie den Antrag bitte neu.',
      '',
      'Diese E-Mail wurde automatisch erstellt. Zum Schutz Ihrer Daten enthält sie keine Angaben aus Ihrem Antrag.',
    ].join('\n'),
  };
}

/** Mails the notice to the e-mail address from the answers (like the confirmation mail); none → nothing. */
export function defineExpiryNoticeJob(deps: Deps): JobDefinition<ExpiryNoticePayload> {
  return defineJob<ExpiryNoticePayload>(
    EXPIRY_NOTICE_JOB,
    async (payload) => {
      const submission = await deps.database.db
        .selectFrom('submissions')
        .innerJoin('tenants', 'tenants.id', 'submissions.tenant_id')
        .select(['submissions.id', 'reference', 'assistant_id', 'assistant_version', 'answers', 'tenants.name'])
        .where('submissions.tenant_id', '=', payload.tenantId)
        .where('submissions.id', '=', payload.submissionId)
        .executeTakeFirst();
      if (!submission) throw new PermanentJobError('submission not found');
      const definition = await findPublishedDefinition(
        deps.database,
        submission.assistant_id,
        submission.assistant_version,
      );
      if (!definition) throw new PermanentJobError('definition not found');
      const answers = deps.cipher.decryptJson<Answers>(submission.answers, submission.id);
      const email = emailInAnswers(definition, answers);
      if (email === undefined) return;
      const mail = expiryNoticeText({
        tenantName: submission.name,
        title: localize(definition.title, 'de'),
        reference: submission.reference,
        hours: deps.config.paymentExpiryHours,
      });
      await deps.mailer.send({ to: email, ...mail });
    },
    { maxAttempts: 8 },
  );
}
