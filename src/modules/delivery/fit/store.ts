import { randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { Executor } from '../../../platform/db/scope.ts';
import { scoped } from '../../../platform/db/scope.ts';
import type { FitSubmissionsTable } from './tables.ts';

export type FitSubmissionRow = Selectable<FitSubmissionsTable>;

export interface PublicService {
  identifier: string;
  name?: string;
}

/** One submission for a destination, read within the tenant; undefined for another destination's. */
export function findSubmission(
  db: Executor,
  tenantId: string,
  destinationId: string,
  submissionId: string,
): Promise<FitSubmissionRow | undefined> {
  return scoped(db, tenantId)
    .selectFrom('fit_submissions')
    .selectAll()
    .where('id', '=', submissionId)
    .where('destination_id', '=', destinationId)
    .executeTakeFirst();
}

export function findSubmissionByCase(
  db: Executor,
  tenantId: string,
  destinationId: string,
  caseId: string,
): Promise<FitSubmissionRow | undefined> {
  return scoped(db, tenantId)
    .selectFrom('fit_submissions')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('destination_id', '=', destinationId)
    .orderBy('created_at')
    .executeTakeFirst();
}

/**
 * Submissions waiting for pick-up (submitted, not yet accepted or rejected, content not deleted by the
 * retention job), oldest first.
 */
export async function listPending(
  db: Executor,
  tenantId: string,
  destinationId: string,
  page: { offset: number; limit: number },
): Promise<{ total: number; rows: Pick<FitSubmissionRow, 'id' | 'case_id' | 'destination_id'>[] }> {
  const base = scoped(db, tenantId)
    .selectFrom('fit_submissions')
    .where('destination_id', '=', destinationId)
    .where('status', '=', 'submitted')
    .where('content_deleted_at', 'is', null);
  const [count, rows] = await Promise.all([
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
    base
      .select(['id', 'case_id', 'destination_id'])
      .orderBy('submitted_at')
      .orderBy('id')
      .offset(page.offset)
      .limit(page.limit)
      .execute(),
  ]);
  return { total: Number(count.n), rows };
}

export async function attachmentIds(db: Executor, tenantId: string, submissionId: string): Promise<string[]> {
  const rows = await scoped(db, tenantId)
    .selectFrom('fit_attachments')
    .select('attachment_id')
    .where('submission_id', '=', submissionId)
    .orderBy('attachment_id')
    .execute();
  return rows.map((r) => r.attachment_id);
}

export async function findAttachment(
  db: Executor,
  tenantId: string,
  submissionId: string,
  attachmentId: string,
): Promise<string | undefined> {
  const row = await scoped(db, tenantId)
    .selectFrom('fit_attachments')
    .select('content')
    .where('submission_id', '=', submissionId)
    .where('attachment_id', '=', attachmentId)
    .executeTakeFirst();
  return row?.content;
}

/** Inserts a submission (sender API: `incomplete`; the connector: complete and `submitted` at once). */
export async function insertSubmission(
  db: Executor,
  input: {
    tenantId: string;
    destinationId: string;
    submissionId?: string;
    caseId?: string;
    publicService: PublicService;
    announcedAttachments: string[];
    now: Date;
    senderClientId?: string;
    sacSubmissionId?: string;
    deliveryId?: string;
    complete?: { encryptedMetadata: string; encryptedData: string; attachments: Record<string, string> };
  },
): Promise<{ submissionId: string; caseId: string }> {
  const submissionId = input.submissionId ?? randomUUID();
  const caseId = input.caseId ?? randomUUID();
  const s = scoped(db, input.tenantId);
  await s
    .insertInto('fit_submissions', {
      id: submissionId,
      destination_id: input.destinationId,
      case_id: caseId,
      status: input.complete ? 'submitted' : 'incomplete',
      public_service: JSON.stringify(input.publicService),
      announced_attachments: JSON.stringify(input.announcedAttachments),
      encrypted_metadata: input.complete?.encryptedMetadata ?? null,
      encrypted_data: input.complete?.encryptedData ?? null,
      sac_submission_id: input.sacSubmissionId ?? null,
      delivery_id: input.deliveryId ?? null,
      sender_client_id: input.senderClientId ?? null,
      created_at: input.now,
      submitted_at: input.complete ? input.now : null,
      decided_at: null,
      content_deleted_at: null,
    })
    .execute();
  const attachments = Object.entries(input.complete?.attachments ?? {});
  if (attachments.length) {
    await s
      .insertInto(
        'fit_attachments',
        attachments.map(([attachmentId, content]) => ({
          submission_id: submissionId,
          attachment_id: attachmentId,
          content,
        })),
      )
      .execute();
  }
  return { submissionId, caseId };
}

/** Sender API: stores (or replaces) one announced attachment of an incomplete submission. */
export async function putAttachment(
  db: Executor,
  tenantId: string,
  submissionId: string,
  attachmentId: string,
  content: string,
): Promise<void> {
  await scoped(db, tenantId)
    .insertInto('fit_attachments', { submission_id: submissionId, attachment_id: attachmentId, content })
    .onConflict((oc) => oc.columns(['submission_id', 'attachment_id']).doUpdateSet({ content }))
    .execute();
}

/** Sender API: incomplete → submitted, with metadata and data. False when it was not incomplete any more. */
export async function completeSubmission(
  db: Executor,
  tenantId: string,
  submissionId: string,
  parts: { encryptedMetadata: string; encryptedData: string; now: Date },
): Promise<boolean> {
  const result = await scoped(db, tenantId)
    .updateTable('fit_submissions')
    .set({
      status: 'submitted',
      encrypted_metadata: parts.encryptedMetadata,
      encrypted_data: parts.encryptedData,
      submitted_at: parts.now,
    })
    .where('id', '=', submissionId)
    .where('status', '=', 'incomplete')
    .where('content_deleted_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Deletes a submission's ciphertexts: metadata and data become null, its attachment rows go. What the audit
 * needs stays: the row with its status, the announced attachment ids and the event log. Run it inside the
 * transaction that records why (the subscriber's SET, or SAC's delete-submission event).
 */
export async function deleteContent(db: Executor, tenantId: string, submissionId: string, now: Date): Promise<void> {
  const s = scoped(db, tenantId);
  await s
    .updateTable('fit_submissions')
    .set({ encrypted_metadata: null, encrypted_data: null, content_deleted_at: now })
    .where('id', '=', submissionId)
    .execute();
  await s.deleteFrom('fit_attachments').where('submission_id', '=', submissionId).execute();
}
