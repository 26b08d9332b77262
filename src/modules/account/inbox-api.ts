import type { Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { scoped } from '../../platform/db/scope.ts';
import type { Deps } from '../../platform/deps.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { SubmissionState } from '../submissions/lifecycle/states.ts';
import { type TransitionResult, transition } from '../submissions/lifecycle/transition.ts';
import { isUuid } from './ids.ts';
import { insertMessage } from './mailbox/store-message.ts';
import { enqueueCitizenNotification } from './notify/notification-job.ts';

/** A file the office sends with a message (content is encrypted at rest). */
export interface OutgoingAttachment {
  filename: string;
  mimeType: string;
  content: Buffer;
}

export interface CitizenMessage {
  tenantId: string;
  submissionId: string;
  /** Who sends it: 'staff:<id>', 'fachverfahren:<route id>', 'system'. */
  actor: string;
  subject: string;
  body: string;
  attachments?: OutgoingAttachment[];
}

export const MAX_SUBJECT_LENGTH = 200;
export const MAX_BODY_LENGTH = 20_000;
export const MAX_OFFICE_ATTACHMENT_BYTES = 20 * 1024 * 1024;

/**
 * The internal API other modules (back office, Fachverfahren feedback) use to reach a citizen's application.
 *
 * Posts an office→citizen message to the application's mailbox (subject, body and attachments encrypted at
 * rest) and enqueues the e-mail notification in the caller's transaction. Throws AppError `not_found` when
 * the submission is not one of the tenant's, `validation` for an empty or over-long subject/body or file.
 */
export async function postMessageToCitizen(
  trx: Transaction<DB>,
  deps: Deps,
  m: CitizenMessage,
): Promise<{ messageId: string }> {
  const subject = m.subject.trim();
  const body = m.body.trim();
  if (subject === '' || subject.length > MAX_SUBJECT_LENGTH || body === '' || body.length > MAX_BODY_LENGTH)
    throw new AppError('validation', 'Betreff und Text der Nachricht müssen angegeben und nicht zu lang sein.');
  if ((m.attachments ?? []).some((a) => a.content.length === 0 || a.content.length > MAX_OFFICE_ATTACHMENT_BYTES))
    throw new AppError('validation', 'Ein Anhang ist leer oder zu groß.');
  if (!isUuid(m.tenantId) || !isUuid(m.submissionId)) throw notFound();
  const submission = await scoped(trx, m.tenantId)
    .selectFrom('submissions')
    .select('id')
    .where('id', '=', m.submissionId)
    .executeTakeFirst();
  if (!submission) throw notFound();
  const messageId = await insertMessage(trx, deps, {
    tenantId: m.tenantId,
    submissionId: m.submissionId,
    direction: 'office',
    actor: m.actor,
    subject,
    body,
    attachments: m.attachments ?? [],
  });
  await enqueueCitizenNotification(trx, deps, { tenantId: m.tenantId, submissionId: m.submissionId });
  return { messageId };
}

/**
 * Moves the application to another state through the lifecycle module (`transition()`); the citizen's
 * e-mail notification comes from the account module's transition hook. `note` is the office's text for
 * the citizen's timeline (stored encrypted).
 */
export function postStatusChange(
  trx: Transaction<DB>,
  deps: Deps,
  change: { tenantId: string; submissionId: string; to: SubmissionState; actor: string; note?: string },
): Promise<TransitionResult> {
  return transition(trx, deps, {
    tenantId: change.tenantId,
    submissionId: change.submissionId,
    to: change.to,
    actor: change.actor,
    note: change.note,
  });
}
