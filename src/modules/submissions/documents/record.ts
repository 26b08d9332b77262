import { createHash } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { type Executor, scoped } from '../../../platform/db/scope.ts';
import type { Deps } from '../../../platform/deps.ts';
import type { TransitionHook } from '../lifecycle/hooks.ts';
import { type ApplicationPdf, buildApplicationPdf, renderSubmissionPdf, xoevFromInput } from './index.ts';
import { loadDocumentInput } from './load-input.ts';

/**
 * Documents of record: the application PDF and the XÖV payload of a submission, rendered once in the
 * transaction that releases it (`ready_for_delivery`) and stored encrypted. Every delivery route and every
 * retry sends these bytes, and the citizen's download after release is the same document the office got,
 * even after a template, font or branding change. Rendering costs 10–20 ms of CPU; a delivery now only
 * reads and decrypts (docs/ARCHITECTURE.md, "Application PDF").
 */

export type DocumentRole = 'application-pdf' | 'xoev-xml';

export interface SubmissionDocument {
  role: DocumentRole;
  filename: string;
  mimeType: string;
  size: number;
  sha256: string;
  bytes: Buffer;
}

const contentAad = (submissionId: string, role: DocumentRole) => `submission-document:${submissionId}:${role}`;
const roleOrder: Record<DocumentRole, number> = { 'application-pdf': 0, 'xoev-xml': 1 };

/** Renders the documents from the stored submission without storing them (PDF first, then XÖV if mapped). */
export async function renderDocuments(
  deps: Deps,
  tenantId: string,
  submissionId: string,
  db: Executor = deps.database.db,
): Promise<SubmissionDocument[]> {
  const input = await loadDocumentInput(deps, tenantId, submissionId, db);
  const xoev = xoevFromInput(input);
  return toDocuments(await renderSubmissionPdf(input, xoev), xoev);
}

/** The stored documents of record of a submission (decrypted, PDF first); empty when none are stored. */
export async function storedDocuments(
  deps: Deps,
  tenantId: string,
  submissionId: string,
  db: Executor = deps.database.db,
): Promise<SubmissionDocument[]> {
  const rows = await scoped(db, tenantId)
    .selectFrom('submission_documents')
    .select(['role', 'filename', 'mime_type', 'size_bytes', 'sha256', 'content'])
    .where('submission_id', '=', submissionId)
    .execute();
  return decryptStoredDocuments(deps, submissionId, rows);
}

/** The columns of a stored document as read (also by the delivery's combined read). */
export interface StoredDocumentRow {
  role: DocumentRole;
  filename: string;
  mime_type: string;
  size_bytes: number;
  sha256: string;
  content: string;
}

/** Decrypts stored documents of record of one submission, PDF first. */
export function decryptStoredDocuments(
  deps: Deps,
  submissionId: string,
  rows: readonly StoredDocumentRow[],
): SubmissionDocument[] {
  return rows
    .map((row) => ({
      role: row.role,
      filename: row.filename,
      mimeType: row.mime_type,
      size: row.size_bytes,
      sha256: row.sha256,
      bytes: deps.cipher.decryptToBuffer(row.content, contentAad(submissionId, row.role)),
    }))
    .sort((a, b) => roleOrder[a.role] - roleOrder[b.role]);
}

/**
 * Renders and stores the documents of record in the caller's transaction; a second call keeps the first
 * documents (and returns them). With `onRenderError: 'skip'`, documents that cannot be built (e.g. an XÖV
 * validation error) store nothing and return null instead of failing the caller's transaction; the
 * delivery then renders again and reports the error where operators see it.
 */
export async function storeDocumentsOfRecord(
  trx: Transaction<DB>,
  deps: Deps,
  tenantId: string,
  submissionId: string,
  options: { onRenderError?: 'throw' | 'skip' } = {},
): Promise<SubmissionDocument[] | null> {
  let documents: SubmissionDocument[];
  try {
    // A database error in here aborts the caller's transaction anyway (its next statement fails).
    documents = await renderDocuments(deps, tenantId, submissionId, trx);
  } catch (error) {
    if (options.onRenderError !== 'skip') throw error;
    deps.log.warn(
      { tenantId, submissionId, err: error instanceof Error ? error.name : 'Error' },
      'documents of record could not be rendered at release; the delivery renders them again',
    );
    return null;
  }
  const now = deps.clock.now();
  const inserted = await scoped(trx, tenantId)
    .insertInto(
      'submission_documents',
      documents.map((d) => ({
        submission_id: submissionId,
        role: d.role,
        filename: d.filename,
        mime_type: d.mimeType,
        size_bytes: d.size,
        sha256: d.sha256,
        content: deps.cipher.encrypt(d.bytes, contentAad(submissionId, d.role)),
        created_at: now,
      })),
    )
    .onConflict((oc) => oc.columns(['submission_id', 'role']).doNothing())
    .returning('role')
    .execute();
  if (inserted.length === documents.length) return documents;
  return storedDocuments(deps, tenantId, submissionId, trx);
}

function toDocuments(pdf: ApplicationPdf, xoev: ReturnType<typeof xoevFromInput>): SubmissionDocument[] {
  const documents: SubmissionDocument[] = [
    {
      role: 'application-pdf',
      filename: pdf.filename,
      mimeType: 'application/pdf',
      size: pdf.bytes.length,
      sha256: pdf.sha256,
      bytes: Buffer.from(pdf.bytes.buffer, pdf.bytes.byteOffset, pdf.bytes.byteLength),
    },
  ];
  if (xoev) {
    const bytes = Buffer.from(xoev.xml, 'utf8');
    documents.push({
      role: 'xoev-xml',
      filename: xoev.filename,
      mimeType: 'application/xml',
      size: bytes.length,
      sha256: sha256Hex(bytes),
      bytes,
    });
  }
  return documents;
}

/**
 * The documents of record of a released submission: the stored ones, or — for a submission released before
 * they were stored, or whose release could not render them — rendered and stored now.
 */
export async function documentsOfRecord(
  deps: Deps,
  tenantId: string,
  submissionId: string,
): Promise<SubmissionDocument[]> {
  const stored = await storedDocuments(deps, tenantId, submissionId);
  if (stored.length > 0) return stored;
  const made = await deps.database.db
    .transaction()
    .execute((trx) => storeDocumentsOfRecord(trx, deps, tenantId, submissionId));
  return made ?? [];
}

/**
 * The application PDF a citizen downloads: the document of record once the submission is released, before
 * that (e.g. while a payment is open) rendered on demand from the current state.
 */
export async function applicationPdfForDownload(
  deps: Deps,
  tenantId: string,
  submissionId: string,
): Promise<ApplicationPdf> {
  const stored = (await storedDocuments(deps, tenantId, submissionId)).find((d) => d.role === 'application-pdf');
  if (stored) return { bytes: stored.bytes, filename: stored.filename, sha256: stored.sha256 };
  return buildApplicationPdf(deps, tenantId, submissionId);
}

/** Transition hook: the release (`→ ready_for_delivery`) stores the documents of record in its transaction. */
export const storeDocumentsHook: TransitionHook = async (trx, deps, event) => {
  if (event.to !== 'ready_for_delivery') return;
  await storeDocumentsOfRecord(trx, deps, event.tenantId, event.submissionId, { onRenderError: 'skip' });
};

function sha256Hex(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}
