-- Mailbox of "Mein Konto" (issue 4, item 6): messages between the office and the citizen about one
-- application, both ways. Subject, body, attachment names and contents are encrypted with the data key
-- (AAD = `mailbox-subject:<id>`, `mailbox-body:<id>`, `mailbox-file-name:<id>`, `mailbox-file:<id>`).
-- `read_at` is when the recipient opened it: the citizen for office messages, the office for replies.
create table mailbox_messages (
  id uuid primary key,
  tenant_id uuid not null references tenants (id) on delete cascade,
  submission_id uuid not null references submissions (id) on delete cascade,
  direction text not null check (direction in ('office', 'citizen')),
  actor text not null check (length(actor) between 1 and 200),
  subject text not null,
  body text not null,
  in_reply_to uuid references mailbox_messages (id) on delete set null,
  created_at timestamptz not null,
  read_at timestamptz
);
create index mailbox_messages_submission_idx on mailbox_messages (tenant_id, submission_id, created_at);
create index mailbox_messages_unread_idx on mailbox_messages (submission_id)
  where read_at is null and direction = 'office';

-- Files of a message, kept in the database (they are written in the sender's transaction, so a message
-- and its files exist together or not at all). The type is the checked one (see forms/uploads).
create table mailbox_attachments (
  id uuid primary key,
  tenant_id uuid not null references tenants (id) on delete cascade,
  message_id uuid not null references mailbox_messages (id) on delete cascade,
  name_encrypted text not null,
  mime_type text not null check (length(mime_type) between 3 and 100),
  size_bytes integer not null check (size_bytes > 0),
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  content_encrypted text not null,
  created_at timestamptz not null
);
create index mailbox_attachments_message_idx on mailbox_attachments (tenant_id, message_id);
