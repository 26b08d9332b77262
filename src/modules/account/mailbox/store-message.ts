import { createHash, randomUUID } from 'node:crypto';
import { type Executor, scoped } from '../../../platform/db/scope.ts';
import type { Deps } from '../../../platform/deps.ts';
import { sanitizeFilename, sniffType } from '../../forms/uploads/index.ts';
import type { MessageDirection } from '../tables.ts';

export interface NewAttachment {
  filename: string;
  mimeType: string;
  content: Buffer;
}

export interface NewMessage {
  tenantId: string;
  submissionId: string;
  direction: MessageDirection;
  actor: string;
  subject: string;
  body: string;
  inReplyTo?: string | null;
  attachments?: readonly NewAttachment[];
  /** Pre-generated id (the reply form ties its temporary uploads to it). */
  id?: string;
}

export const subjectAad = (id: string) => `mailbox-subject:${id}`;
export const bodyAad = (id: string) => `mailbox-body:${id}`;
export const fileNameAad = (id: string) => `mailbox-file-name:${id}`;
export const fileAad = (id: string) => `mailbox-file:${id}`;

/** A declared type as a plain `type/subtype`, else octet-stream; content that is recognised wins. */
function typeOf(attachment: NewAttachment): string {
  const sniffed = sniffType(attachment.content.subarray(0, 8));
  if (sniffed) return sniffed;
  const declared = attachment.mimeType.toLowerCase().trim();
  return /^[a-z]+\/[a-z0-9][a-z0-9.+-]{0,80}$/.test(declared) ? declared : 'application/octet-stream';
}

/** Stores a message with its files, everything personal encrypted, in the caller's transaction. */
export async function insertMessage(executor: Executor, deps: Deps, m: NewMessage): Promise<string> {
  const id = m.id ?? randomUUID();
  const now = deps.clock.now();
  const db = scoped(executor, m.tenantId);
  await db
    .insertInto('mailbox_messages', {
      id,
      submission_id: m.submissionId,
      direction: m.direction,
      actor: m.actor,
      subject: deps.cipher.encrypt(m.subject, subjectAad(id)),
      body: deps.cipher.encrypt(m.body, bodyAad(id)),
      in_reply_to: m.inReplyTo ?? null,
      created_at: now,
      read_at: null,
    })
    .execute();
  for (const attachment of m.attachments ?? []) {
    if (attachment.content.length === 0) continue;
    const fileId = randomUUID();
    await db
      .insertInto('mailbox_attachments', {
        id: fileId,
        message_id: id,
        name_encrypted: deps.cipher.encrypt(sanitizeFilename(attachment.filename), fileNameAad(fileId)),
        mime_type: typeOf(attachment),
        size_bytes: attachment.content.length,
        sha256: createHash('sha256').update(attachment.content).digest('hex'),
        content_encrypted: deps.cipher.encrypt(attachment.content, fileAad(fileId)),
        created_at: now,
      })
      .execute();
  }
  return id;
}
