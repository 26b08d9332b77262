/** Direction of a mailbox message: from the office to the citizen, or the citizen's reply. */
export type MessageDirection = 'office' | 'citizen';

/** One message about an application; `subject` and `body` are encrypted (see migration 0010). */
export interface MailboxMessagesTable {
  id: string;
  tenant_id: string;
  submission_id: string;
  direction: MessageDirection;
  /** 'staff:<id>', 'fachverfahren:<route>', 'system' for office messages; 'citizen' for replies. */
  actor: string;
  subject: string;
  body: string;
  in_reply_to: string | null;
  created_at: Date;
  /** When the recipient opened it; null while unread. */
  read_at: Date | null;
}

/** A file of a message; name and content encrypted. */
export interface MailboxAttachmentsTable {
  id: string;
  tenant_id: string;
  message_id: string;
  name_encrypted: string;
  mime_type: string;
  size_bytes: number;
  sha256: string;
  content_encrypted: string;
  created_at: Date;
}

export interface MailboxTables {
  mailbox_messages: MailboxMessagesTable;
  mailbox_attachments: MailboxAttachmentsTable;
}
