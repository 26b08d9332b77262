import type { Deps } from '../../../platform/deps.ts';
import { defineJob, type Executor, type JobDefinition, PermanentJobError } from '../../../platform/jobs/index.ts';
import { findPublishedDefinition } from '../../forms/assistants-store/repo.ts';
import type { Answers } from '../../forms/engine/index.ts';
import { emailInAnswers } from '../applicant-email.ts';
import { confirmationMailText } from './confirmation-mail-text.ts';

export const CONFIRMATION_MAIL_JOB = 'submission.confirmation-mail';
const MAX_ATTEMPTS = 8;

export interface ConfirmationMailPayload {
  tenantId: string;
  submissionId: string;
}

/** Enqueues the confirmation mail inside the submit transaction (once per submission). */
export function enqueueConfirmationMail(trx: Executor, payload: ConfirmationMailPayload) {
  return defineJob<ConfirmationMailPayload>(CONFIRMATION_MAIL_JOB, async () => {}, {
    maxAttempts: MAX_ATTEMPTS,
  }).enqueue(trx, payload, {
    tenantId: payload.tenantId,
    dedupeKey: `${CONFIRMATION_MAIL_JOB}:${payload.submissionId}`,
  });
}

/**
 * The job that mails the reference number and the receipt link when the applicant gave an e-mail
 * address. The mail never contains answers. Register it in `src/jobs.ts`: `defineConfirmationMailJob(deps)`.
 */
export function defineConfirmationMailJob(deps: Deps): JobDefinition<ConfirmationMailPayload> {
  return defineJob<ConfirmationMailPayload>(
    CONFIRMATION_MAIL_JOB,
    async (payload) => {
      const db = deps.database.db;
      const submission = await db
        .selectFrom('submissions')
        .innerJoin('tenants', 'tenants.id', 'submissions.tenant_id')
        .select([
          'submissions.id',
          'reference',
          'assistant_id',
          'assistant_version',
          'answers',
          'language',
          'citizen_account_id',
          'tenants.slug',
          'tenants.name',
        ])
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
      const mail = confirmationMailText({
        lang: submission.language,
        tenantName: submission.name,
        definition,
        reference: submission.reference,
        receiptUrl: `${deps.config.baseUrl}/${submission.slug}/antrag/${submission.assistant_id}/eingang/${submission.reference}`,
        ...(submission.citizen_account_id ? { accountUrl: `${deps.config.baseUrl}/konto/antraege` } : {}),
      });
      await deps.mailer.send({ to: email, ...mail });
    },
    { maxAttempts: MAX_ATTEMPTS },
  );
}
