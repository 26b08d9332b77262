import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { scoped } from '../../../platform/db/scope.ts';
import type { Deps } from '../../../platform/deps.ts';
import { notFound } from '../../../platform/errors.ts';
import type { Answers } from '../../forms/engine/index.ts';
import { loadUpload } from '../../forms/uploads/index.ts';
import { findPaymentSummary } from '../../payment/summary.ts';
import {
  decryptStoredDocuments,
  documentsOfRecord,
  type StoredDocumentRow,
} from '../../submissions/documents/record.ts';
import type { DeliveryFile, DeliveryPayload } from '../connector.ts';
import { ENVELOPE_FORMAT_V1, type EnvelopeAttachmentV1, type SubmissionEnvelopeV1 } from '../webhook/envelope.ts';
import { FILE_LINK_TTL_MS, signedFileUrl } from './file-links.ts';

/** Files up to this size travel inline (base64) in the webhook envelope; larger ones as signed links. */
export const INLINE_LIMIT_BYTES = 64 * 1024;

/** A stable UUID (v4 layout) for a generated document of a submission, so every route and retry names it alike. */
export function documentFileId(submissionId: string, role: string): string {
  const h = createHash('sha256').update(`${submissionId}:${role}`).digest('hex');
  const variant = ((Number.parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * The files of a submission in delivery order: the documents of record (application PDF, XÖV XML where the
 * assistant has a mapping; stored at release), then the citizen's uploads (read and decrypted only when a
 * connector asks for them).
 */
export async function loadDeliveryFiles(deps: Deps, tenantId: string, submissionId: string): Promise<DeliveryFile[]> {
  // One read for both: the stored documents of record and the uploads' metadata.
  const row = await scoped(deps.database.db, tenantId)
    .selectFrom('submissions')
    .select([
      sql<StoredDocumentRow[] | string | null>`(select json_agg(json_build_object(
          'role', d.role, 'filename', d.filename, 'mime_type', d.mime_type, 'size_bytes', d.size_bytes,
          'sha256', d.sha256, 'content', d.content))
        from submission_documents d where d.submission_id = submissions.id and d.tenant_id = submissions.tenant_id)`.as(
        'documents',
      ),
      sql<UploadRow[] | string | null>`(select json_agg(json_build_object(
          'id', u.id, 'name_encrypted', u.name_encrypted, 'mime_type', u.mime_type, 'size_bytes', u.size_bytes,
          'sha256', u.sha256) order by u.created_at, u.id)
        from uploads u where u.submission_id = submissions.id and u.tenant_id = submissions.tenant_id)`.as('uploads'),
    ])
    .where('id', '=', submissionId)
    .executeTakeFirst();
  if (!row) throw notFound();
  const stored = parseJson(row.documents);
  const documents = stored.length
    ? decryptStoredDocuments(deps, submissionId, stored)
    : await documentsOfRecord(deps, tenantId, submissionId);
  const files: DeliveryFile[] = documents.map((d) => ({
    id: documentFileId(submissionId, d.role),
    role: d.role,
    filename: d.filename,
    mimeType: d.mimeType,
    size: d.size,
    sha256: d.sha256,
    read: async () => d.bytes,
  }));
  for (const u of parseJson(row.uploads)) {
    files.push({
      id: u.id,
      role: 'upload',
      filename: deps.cipher.decrypt(u.name_encrypted, `upload-name:${u.id}`),
      mimeType: u.mime_type,
      size: u.size_bytes,
      sha256: u.sha256,
      read: async () => (await loadUpload(deps, tenantId, u.id)).content,
    });
  }
  return files;
}

interface UploadRow {
  id: string;
  name_encrypted: string;
  mime_type: string;
  size_bytes: number;
  sha256: string;
}

/** A json_agg column: PostgreSQL's driver parses it, PGlite may hand over text; null when no rows. */
function parseJson<T>(value: T[] | string | null): T[] {
  if (value === null) return [];
  return typeof value === 'string' ? (JSON.parse(value) as T[]) : value;
}

export interface DeliveryRef {
  id: string;
  tenantId: string;
  submissionId: string;
}

/**
 * Builds what a connector sends for one delivery: the `sac.submission.v1` envelope (metadata, decrypted
 * answers, attachments inline when small, else as signed expiring links) and the files.
 */
export async function buildDeliveryPayload(deps: Deps, delivery: DeliveryRef): Promise<DeliveryPayload> {
  const db = deps.database.db;
  // One read for the submission with its tenant and LeiKa key (the service of the submission, or else of
  // its offering); then payment, documents and uploads side by side.
  const submission = await scoped(db, delivery.tenantId)
    .selectFrom('submissions')
    .innerJoin('tenants', 'tenants.id', 'submissions.tenant_id')
    .leftJoin('offerings', (join) =>
      join
        .onRef('offerings.id', '=', 'submissions.offering_id')
        .onRef('offerings.tenant_id', '=', 'submissions.tenant_id'),
    )
    .leftJoin('services', (join) =>
      join.on(sql<boolean>`services.id = coalesce(submissions.service_id, offerings.service_id)`),
    )
    .select([
      'submissions.id',
      'submissions.reference',
      'submissions.assistant_id',
      'submissions.assistant_version',
      'submissions.answers',
      'submissions.submitted_at',
      'submissions.trust_level',
      'tenants.slug as tenant_slug',
      'tenants.name as tenant_name',
      'tenants.ars as tenant_ars',
      'services.leika_key',
    ])
    .where('submissions.id', '=', delivery.submissionId)
    .executeTakeFirstOrThrow();
  const tenant = { slug: submission.tenant_slug, name: submission.tenant_name, ars: submission.tenant_ars };
  const service = { leika_key: submission.leika_key };
  const [payment, files] = await Promise.all([
    findPaymentSummary(db, delivery.tenantId, submission.id),
    loadDeliveryFiles(deps, delivery.tenantId, submission.id),
  ]);
  const expiresAt = new Date(deps.clock.now().getTime() + FILE_LINK_TTL_MS);
  const attachments: EnvelopeAttachmentV1[] = [];
  for (const f of files) {
    const meta = { id: f.id, filename: f.filename, mimeType: f.mimeType, size: f.size, sha256: f.sha256 };
    if (f.size <= INLINE_LIMIT_BYTES) attachments.push({ ...meta, contentBase64: (await f.read()).toString('base64') });
    else
      attachments.push({
        ...meta,
        url: signedFileUrl(deps, delivery.id, f.id, expiresAt),
        expiresAt: expiresAt.toISOString(),
      });
  }
  const envelope: SubmissionEnvelopeV1 = {
    format: ENVELOPE_FORMAT_V1,
    metadata: {
      deliveryId: delivery.id,
      submissionId: submission.id,
      reference: submission.reference,
      tenant: {
        id: tenant.slug,
        name: tenant.name,
        ars: tenant.ars && /^\d{12}$/.test(tenant.ars) ? tenant.ars : null,
      },
      leikaKey: service?.leika_key ?? '',
      assistant: { id: submission.assistant_id, version: submission.assistant_version },
      submittedAt: new Date(submission.submitted_at).toISOString(),
      payment: payment
        ? {
            status: payment.status,
            transactionReference: payment.transactionReference,
            amountCents: payment.amountCents,
          }
        : null,
      trustLevel: submission.trust_level,
    },
    data: deps.cipher.decryptJson<Answers>(submission.answers, submission.id) as Record<string, unknown>,
    attachments,
  };
  return { envelope, files };
}
