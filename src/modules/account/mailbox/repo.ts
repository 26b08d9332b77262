import { createHash } from 'node:crypto';
import { allTenants, scoped } from '../../../platform/db/scope.ts';
import type { Deps } from '../../../platform/deps.ts';
import { isUuid } from '../ids.ts';
import type { MessageDirection } from '../tables.ts';
import { bodyAad, fileAad, fileNameAad, subjectAad } from './store-message.ts';

export interface AttachmentInfo {
  id: string;
  name: string;
  mimeType: string;
  size: number;
}

export interface MailboxMessage {
  id: string;
  tenantId: string;
  submissionId: string;
  direction: MessageDirection;
  subject: string;
  createdAt: Date;
  readAt: Date | null;
}

export interface FullMessage extends MailboxMessage {
  body: string;
  attachments: AttachmentInfo[];
}

/** The account's office messages that are still unread, across all its applications. */
export async function countUnread(deps: Deps, accountId: string): Promise<number> {
  const row = await deps.database.db
    .selectFrom('mailbox_messages as m')
    .innerJoin('submissions as s', (join) =>
      join.onRef('s.id', '=', 'm.submission_id').onRef('s.tenant_id', '=', 'm.tenant_id'),
    )
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('s.citizen_account_id', '=', accountId)
    .where('m.direction', '=', 'office')
    .where('m.read_at', 'is', null)
    .modifyEnd(allTenants)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Every message of the account's applications (subjects decrypted), newest first. */
export async function listAccountMessages(deps: Deps, accountId: string, limit = 500) {
  const rows = await deps.database.db
    .selectFrom('mailbox_messages as m')
    .innerJoin('submissions as s', (join) =>
      join.onRef('s.id', '=', 'm.submission_id').onRef('s.tenant_id', '=', 'm.tenant_id'),
    )
    .select([
      'm.id',
      'm.tenant_id',
      'm.submission_id',
      'm.direction',
      'm.subject',
      'm.created_at',
      'm.read_at',
      's.reference',
    ])
    .where('s.citizen_account_id', '=', accountId)
    .orderBy('m.created_at', 'desc')
    .orderBy('m.id')
    .limit(limit)
    .modifyEnd(allTenants)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    tenantId: r.tenant_id,
    submissionId: r.submission_id,
    reference: r.reference,
    direction: r.direction,
    subject: deps.cipher.decrypt(r.subject, subjectAad(r.id)),
    createdAt: r.created_at,
    readAt: r.read_at,
  }));
}

async function attachmentsOf(deps: Deps, tenantId: string, messageIds: string[]) {
  if (messageIds.length === 0) return new Map<string, AttachmentInfo[]>();
  const rows = await scoped(deps.database.db, tenantId)
    .selectFrom('mailbox_attachments')
    .select(['id', 'message_id', 'name_encrypted', 'mime_type', 'size_bytes'])
    .where('message_id', 'in', messageIds)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const byMessage = new Map<string, AttachmentInfo[]>();
  for (const r of rows) {
    const list = byMessage.get(r.message_id) ?? [];
    list.push({
      id: r.id,
      name: deps.cipher.decrypt(r.name_encrypted, fileNameAad(r.id)),
      mimeType: r.mime_type,
      size: r.size_bytes,
    });
    byMessage.set(r.message_id, list);
  }
  return byMessage;
}

/** All messages of one application (tenant-scoped), oldest first, with bodies and attachment lists. */
export async function messagesOfSubmission(deps: Deps, tenantId: string, submissionId: string): Promise<FullMessage[]> {
  const rows = await scoped(deps.database.db, tenantId)
    .selectFrom('mailbox_messages')
    .selectAll()
    .where('submission_id', '=', submissionId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const files = await attachmentsOf(
    deps,
    tenantId,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    tenantId: r.tenant_id,
    submissionId: r.submission_id,
    direction: r.direction,
    subject: deps.cipher.decrypt(r.subject, subjectAad(r.id)),
    body: deps.cipher.decrypt(r.body, bodyAad(r.id)),
    createdAt: r.created_at,
    readAt: r.read_at,
    attachments: files.get(r.id) ?? [],
  }));
}

/** A message of one of the account's applications, with the application's reference; else undefined. */
export async function findAccountMessage(deps: Deps, accountId: string, messageId: string) {
  if (!isUuid(messageId)) return undefined;
  const row = await deps.database.db
    .selectFrom('mailbox_messages as m')
    .innerJoin('submissions as s', (join) =>
      join.onRef('s.id', '=', 'm.submission_id').onRef('s.tenant_id', '=', 'm.tenant_id'),
    )
    .select(['m.tenant_id', 'm.submission_id', 's.reference'])
    .where('m.id', '=', messageId)
    .where('s.citizen_account_id', '=', accountId)
    .modifyEnd(allTenants)
    .executeTakeFirst();
  if (!row) return undefined;
  const messages = await messagesOfSubmission(deps, row.tenant_id, row.submission_id);
  const message = messages.find((m) => m.id === messageId);
  return message ? { message, reference: row.reference, thread: messages } : undefined;
}

/** Marks an office message as read by the citizen (once). */
export async function markRead(deps: Deps, tenantId: string, messageId: string): Promise<void> {
  await scoped(deps.database.db, tenantId)
    .updateTable('mailbox_messages')
    .set({ read_at: deps.clock.now() })
    .where('id', '=', messageId)
    .where('direction', '=', 'office')
    .where('read_at', 'is', null)
    .execute();
}

/** An attachment of one of the account's messages with its decrypted content; undefined otherwise. */
export async function loadAccountAttachment(deps: Deps, accountId: string, attachmentId: string) {
  if (!isUuid(attachmentId)) return undefined;
  const row = await deps.database.db
    .selectFrom('mailbox_attachments as a')
    .innerJoin('mailbox_messages as m', (join) =>
      join.onRef('m.id', '=', 'a.message_id').onRef('m.tenant_id', '=', 'a.tenant_id'),
    )
    .innerJoin('submissions as s', (join) =>
      join.onRef('s.id', '=', 'm.submission_id').onRef('s.tenant_id', '=', 'm.tenant_id'),
    )
    .select(['a.id', 'a.name_encrypted', 'a.mime_type', 'a.content_encrypted', 'a.sha256'])
    .where('a.id', '=', attachmentId)
    .where('s.citizen_account_id', '=', accountId)
    .modifyEnd(allTenants)
    .executeTakeFirst();
  if (!row) return undefined;
  const content = deps.cipher.decryptToBuffer(row.content_encrypted, fileAad(row.id));
  if (createHash('sha256').update(content).digest('hex') !== row.sha256)
    throw new Error(`Mailbox attachment ${row.id}: content does not match its checksum`);
  return { name: deps.cipher.decrypt(row.name_encrypted, fileNameAad(row.id)), mimeType: row.mime_type, content };
}
