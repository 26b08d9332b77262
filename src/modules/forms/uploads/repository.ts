import { createHash, randomUUID } from 'node:crypto';
import type { Executor } from '../../../platform/db/scope.ts';
import { scoped } from '../../../platform/db/scope.ts';
import type { Deps } from '../../../platform/deps.ts';
import { AppError } from '../../../platform/errors.ts';
import type { FileMeta } from '../engine/answers.ts';
import type { SniffableType } from './sniff.ts';
import { newStorageKey, readStoredFile, removeStoredFile, writeStoredFile } from './storage.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What SAC knows about a stored upload (the name decrypted). */
export interface UploadMeta extends FileMeta {
  tenantId: string;
  draftId: string | null;
  submissionId: string | null;
  fieldId: string;
  sha256: string;
  createdAt: Date;
}

const nameAad = (id: string) => `upload-name:${id}`;

/**
 * Encrypts and stores one checked file (content AAD = upload id) and records its row. The file is written
 * first; if the row cannot be inserted the file is removed again.
 */
export async function storeUpload(
  deps: Deps,
  input: {
    tenantId: string;
    draftId: string | null;
    fieldId: string;
    name: string;
    mimeType: SniffableType;
    content: Buffer;
  },
): Promise<FileMeta> {
  const id = randomUUID();
  const storageKey = newStorageKey();
  const { dataDir } = deps.config;
  await writeStoredFile(dataDir, storageKey, deps.cipher.encrypt(input.content, id));
  try {
    await scoped(deps.database.db, input.tenantId)
      .insertInto('uploads', {
        id,
        draft_id: input.draftId,
        submission_id: null,
        field_id: input.fieldId,
        name_encrypted: deps.cipher.encrypt(input.name, nameAad(id)),
        mime_type: input.mimeType,
        size_bytes: input.content.length,
        sha256: sha256Hex(input.content),
        storage_key: storageKey,
        key_id: deps.cipher.activeKeyId,
        created_at: deps.clock.now(),
      })
      .execute();
  } catch (error) {
    await removeStoredFile(dataDir, storageKey);
    throw error;
  }
  return { id, name: input.name, size: input.content.length, mimeType: input.mimeType };
}

/**
 * Loads an upload of the tenant with its decrypted content. Unknown ids, ids of another tenant and
 * malformed ids all give the same 404 AppError, so existence is not revealed.
 */
export async function loadUpload(
  deps: Deps,
  tenantId: string,
  id: string,
): Promise<{ meta: UploadMeta; content: Buffer }> {
  if (!UUID.test(id) || !UUID.test(tenantId)) throw new AppError('not_found');
  const row = await scoped(deps.database.db, tenantId)
    .selectFrom('uploads')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new AppError('not_found');
  const content = deps.cipher.decryptToBuffer(await readStoredFile(deps.config.dataDir, row.storage_key), row.id);
  if (sha256Hex(content) !== row.sha256) throw new Error(`Upload ${row.id}: content does not match its checksum`);
  const meta: UploadMeta = {
    id: row.id,
    name: deps.cipher.decrypt(row.name_encrypted, nameAad(row.id)),
    size: row.size_bytes,
    mimeType: row.mime_type,
    tenantId: row.tenant_id,
    draftId: row.draft_id,
    submissionId: row.submission_id,
    fieldId: row.field_id,
    sha256: row.sha256,
    createdAt: row.created_at,
  };
  return { meta, content };
}

/**
 * Marks uploads as part of a submission (call inside the submit transaction). Only uploads of the tenant
 * that are not yet attached are taken; pass `draftId` to accept only uploads made in that draft, so an
 * id copied from someone else's form is not attached. Returns the ids actually attached.
 */
export async function attachToSubmission(
  executor: Executor,
  tenantId: string,
  ids: readonly string[],
  submissionId: string,
  options: { draftId?: string } = {},
): Promise<string[]> {
  const valid = ids.filter((id) => UUID.test(id));
  if (valid.length === 0) return [];
  let query = scoped(executor, tenantId)
    .updateTable('uploads')
    .set({ submission_id: submissionId })
    .where('id', 'in', valid)
    .where('submission_id', 'is', null);
  if (options.draftId) query = query.where('draft_id', '=', options.draftId);
  const rows = await query.returning('id').execute();
  return rows.map((row) => row.id);
}

/**
 * Deletes the uploads of a draft that were not attached to a submission, rows and files. Runs on its own
 * (not in a caller's transaction) because files cannot be rolled back: call it after the submit committed
 * or when a draft is discarded. Returns how many were deleted.
 */
export async function deleteUploadsOfDraft(deps: Deps, tenantId: string, draftId: string): Promise<number> {
  if (!UUID.test(draftId)) return 0;
  const rows = await scoped(deps.database.db, tenantId)
    .deleteFrom('uploads')
    .where('draft_id', '=', draftId)
    .where('submission_id', 'is', null)
    .returning('storage_key')
    .execute();
  await Promise.all(rows.map((row) => removeStoredFile(deps.config.dataDir, row.storage_key)));
  return rows.length;
}

export function sha256Hex(content: Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}
