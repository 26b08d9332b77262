import type { Deps } from '../../../platform/deps.ts';
import { defineJob, type Executor, type JobDefinition, PermanentJobError } from '../../../platform/jobs/index.ts';
import { findPublishedDefinition } from '../../forms/assistants-store/repo.ts';
import { applicantEmail } from './applicant-email.ts';
import { notificationMailText } from './mail-text.ts';

export const NOTIFICATION_JOB = 'account.notify-citizen';
const MAX_ATTEMPTS = 8;
/**
 * Changes within one window share one mail: the job's dedupe key names the window and it runs when the
 * window ends, so a burst of status changes and messages sends a single "something new" mail.
 */
export const NOTIFICATION_WINDOW_MS = 60_000;

export interface NotificationPayload {
  tenantId: string;
  submissionId: string;
}

/** Enqueues the notification in the caller's transaction (coalesced per submission and window). */
export function enqueueCitizenNotification(trx: Executor, deps: Deps, payload: NotificationPayload) {
  const now = deps.clock.now();
  const windowStart = Math.floor(now.getTime() / NOTIFICATION_WINDOW_MS) * NOTIFICATION_WINDOW_MS;
  return defineJob<NotificationPayload>(NOTIFICATION_JOB, async () => {}, { maxAttempts: MAX_ATTEMPTS }).enqueue(
    trx,
    { tenantId: payload.tenantId, submissionId: payload.submissionId },
    {
      tenantId: payload.tenantId,
      dedupeKey: `${NOTIFICATION_JOB}:${payload.submissionId}:${windowStart}`,
      runAt: new Date(windowStart + NOTIFICATION_WINDOW_MS),
      now,
    },
  );
}

/**
 * The job that tells the applicant that something new is waiting (a status change or a message), at the
 * e-mail address given in the answers. The mail holds the reference number and a link, nothing else.
 * Register it in `src/jobs.ts`: `defineCitizenNotificationJob(deps)`.
 */
export function defineCitizenNotificationJob(deps: Deps): JobDefinition<NotificationPayload> {
  return defineJob<NotificationPayload>(
    NOTIFICATION_JOB,
    async (payload) => {
      const submission = await deps.database.db
        .selectFrom('submissions')
        .innerJoin('tenants', 'tenants.id', 'submissions.tenant_id')
        .select([
          'submissions.id',
          'submissions.reference',
          'submissions.assistant_id',
          'submissions.assistant_version',
          'submissions.answers',
          'submissions.language',
          'submissions.citizen_account_id',
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
      const to = applicantEmail(deps, definition, submission);
      if (!to) return;
      const hasAccount = submission.citizen_account_id !== null;
      const mail = notificationMailText({
        lang: submission.language,
        reference: submission.reference,
        tenantName: submission.name,
        url: hasAccount ? `${deps.config.baseUrl}/konto/postfach` : `${deps.config.baseUrl}/${submission.slug}/status`,
        hasAccount,
      });
      await deps.mailer.send({ to, ...mail });
    },
    { maxAttempts: MAX_ATTEMPTS },
  );
}
