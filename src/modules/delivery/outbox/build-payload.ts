import { createHash } from 'node:crypto';
import { scoped } from '../../../platform/db/scope.ts';
import type { Deps } from '../../../platform/deps.ts';
import type { Answers } from '../../forms/engine/index.ts';
import { loadUpload } from '../../forms/uploads/index.ts';
import { findPaymentSummary } from '../../payment/summary.ts';
import type { DeliveryFile, DeliveryPayload } from '../connector.ts';
import { ENVELOPE_FORMAT_V1, type EnvelopeAttachmentV1, type SubmissionEnvelopeV1 } from '../webhook/envelope.ts';
import { submissionDocuments } from './documents.ts';
import { FILE_LINK_TTL_MS, signedFileUrl } from './file-links.ts';

/** Files up to this size travel inline (base64) in the webhook envelope; larger ones as signed links. */
export const INLINE_LIMIT_BYTES = 64 * 1024;

/** A stable UUID (v4 layout) for a generated document of a submission, so every route and retry names it alike. */
export function documentFileId(submissionId: string, role: string): string {
  const h = createHash('sha256').update(`${submissionId}:${role}`).digest('hex');
  const variant = ((Number.parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

function bufferFile(id: string, role: DeliveryFile['role'], filename: string, mimeType: string, bytes: Buffer) {
  return { id, role, filename, mimeType, size: bytes.length, sha256: sha256(bytes), read: async () => bytes };
}

/**
 * The files of a submission in delivery order: the application PDF, the XÖV XML where the assistant has a
 * mapping, then the citizen's uploads (read and decrypted only when a connector asks for them).
 */
export async function loadDeliveryFiles(deps: Deps, tenantId: string, submissionId: string): Promise<DeliveryFile[]> {
  const documents = await submissionDocuments(deps, tenantId, submissionId);
  const files: DeliveryFile[] = documents.map((d) =>
    bufferFile(documentFileId(submissionId, d.role), d.role, d.filename, d.mimeType, d.bytes),
  );
  const uploads = await scoped(deps.database.db, tenantId)
    .selectFrom('uploads')
    .select(['id', 'name_encrypted', 'mime_type', 'size_bytes', 'sha256'])
    .where('submission_id', '=', submissionId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  for (const u of uploads) {
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
  const submission = await scoped(db, delivery.tenantId)
    .selectFrom('submissions')
    .select([
      'id',
      'reference',
      'assistant_id',
      'assistant_version',
      'answers',
      'submitted_at',
      'trust_level',
      'service_id',
      'offering_id',
    ])
    .where('id', '=', delivery.submissionId)
    .executeTakeFirstOrThrow();
  const tenant = await db
    .selectFrom('tenants')
    .select(['slug', 'name', 'ars'])
    .where('id', '=', delivery.tenantId)
    .executeTakeFirstOrThrow();
  let serviceId = submission.service_id;
  if (!serviceId && submission.offering_id) {
    const offering = await scoped(db, delivery.tenantId)
      .selectFrom('offerings')
      .select('service_id')
      .where('id', '=', submission.offering_id)
      .executeTakeFirst();
    serviceId = offering?.service_id ?? null;
  }
  const service = serviceId
    ? await db.selectFrom('services').select('leika_key').where('id', '=', serviceId).executeTakeFirst()
    : undefined;
  const payment = await findPaymentSummary(db, delivery.tenantId, submission.id);
  const files = await loadDeliveryFiles(deps, delivery.tenantId, submission.id);
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
