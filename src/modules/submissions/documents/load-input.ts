import { type Executor, scoped } from '../../../platform/db/scope.ts';
import type { Deps } from '../../../platform/deps.ts';
import { notFound } from '../../../platform/errors.ts';
import { findPublishedDefinition } from '../../forms/assistants-store/repo.ts';
import type { Answers, FeeResult } from '../../forms/engine/index.ts';
import { findPaymentSummary } from '../../payment/summary.ts';
import type { DocumentAttachment, SubmissionDocumentInput } from './xoev/index.ts';

const nameAad = (id: string) => `upload-name:${id}`;

/**
 * Everything the documents of one submission are built from: the submission (answers decrypted), its
 * published definition, the tenant, its uploads (names decrypted, sorted for a stable order) and the
 * payment summary. Another tenant's or an unknown submission is a 404. Pass the caller's transaction as
 * `db` when it holds one (the release renders the documents of record inside it).
 */
export async function loadDocumentInput(
  deps: Deps,
  tenantId: string,
  submissionId: string,
  db: Executor = deps.database.db,
): Promise<SubmissionDocumentInput> {
  const submission = await scoped(db, tenantId)
    .selectFrom('submissions')
    .select(['id', 'reference', 'assistant_id', 'assistant_version', 'answers', 'fees', 'language', 'submitted_at'])
    .where('id', '=', submissionId)
    .executeTakeFirst();
  if (!submission) throw notFound();
  const tenant = await db
    .selectFrom('tenants')
    .select(['slug', 'name', 'ars', 'primary_color', 'logo_svg'])
    .where('id', '=', tenantId)
    .executeTakeFirst();
  if (!tenant) throw notFound();
  const definition = await findPublishedDefinition(
    deps.database,
    submission.assistant_id,
    submission.assistant_version,
    db,
  );
  if (!definition) throw new Error(`definition ${submission.assistant_id}@${submission.assistant_version} is missing`);
  const uploads = await scoped(db, tenantId)
    .selectFrom('uploads')
    .select(['id', 'field_id', 'name_encrypted', 'mime_type', 'size_bytes', 'sha256', 'created_at'])
    .where('submission_id', '=', submissionId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const attachments: DocumentAttachment[] = uploads.map((row) => ({
    fieldId: row.field_id,
    name: deps.cipher.decrypt(row.name_encrypted, nameAad(row.id)),
    mimeType: row.mime_type,
    size: row.size_bytes,
    sha256: row.sha256,
  }));
  const payment = await findPaymentSummary(db, tenantId, submissionId);
  const fees = (typeof submission.fees === 'string' ? JSON.parse(submission.fees) : submission.fees) as FeeResult;
  return {
    submissionId: submission.id,
    reference: submission.reference,
    submittedAt: submission.submitted_at,
    lang: submission.language,
    tenant: {
      slug: tenant.slug,
      name: tenant.name,
      ars: tenant.ars,
      primaryColor: tenant.primary_color,
      logoSvg: tenant.logo_svg,
    },
    definition,
    answers: deps.cipher.decryptJson<Answers>(submission.answers, submission.id),
    fees,
    payment: payment
      ? {
          status: payment.status,
          transactionReference: payment.transactionReference ?? '',
          amountCents: payment.amountCents,
        }
      : undefined,
    attachments,
  };
}
