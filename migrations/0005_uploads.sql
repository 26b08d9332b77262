-- Uploads of form assistants (issue 3, item 6). The file itself lives encrypted under
-- <dataDir>/uploads/<shard>/<storage_key>; this row holds its metadata. The original name may be
-- personal and is stored encrypted. No foreign keys to drafts/submissions: an upload outlives neither
-- (the cleanup job removes uploads whose draft is gone or older than the draft retention).
create table uploads (
  id uuid primary key,
  tenant_id uuid not null references tenants (id) on delete cascade,
  draft_id uuid,
  submission_id uuid,
  field_id text not null check (length(field_id) between 1 and 200),
  name_encrypted text not null,
  mime_type text not null check (mime_type in ('application/pdf', 'image/jpeg', 'image/png')),
  size_bytes integer not null check (size_bytes > 0),
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  storage_key text not null unique check (storage_key ~ '^[0-9a-f]{32}$'),
  key_id text not null,
  created_at timestamptz not null
);
create index uploads_draft_idx on uploads (tenant_id, draft_id) where draft_id is not null;
create index uploads_submission_idx on uploads (tenant_id, submission_id) where submission_id is not null;
create index uploads_unsubmitted_idx on uploads (created_at) where submission_id is null;
