import type { Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { Deps } from '../../platform/deps.ts';
import type { SubmissionState } from '../submissions/lifecycle/states.ts';
import { type TransitionResult, transition } from '../submissions/lifecycle/transition.ts';

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

/**
 * The internal API other modules (back office, Fachverfahren feedback) use to reach a citizen's application.
 *
 * Posts an office→citizen message to the application's mailbox (subject, body and attachments encrypted at
 * rest) and enqueues the e-mail notification in the caller's transaction. Throws AppError `not_found` when
 * the submission is not one of the tenant's.
 */
export async function postMessageToCitizen(
  _trx: Transaction<DB>,
  _deps: Deps,
  _m: CitizenMessage,
): Promise<{ messageId: string }> {
  throw new Error('postMessageToCitizen: not implemented yet');
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
