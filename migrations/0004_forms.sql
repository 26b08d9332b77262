-- Forms: published assistant definitions (EfA: one definition for all tenants), drafts, submissions.

-- Published definitions are immutable: a new version is a new row, drafts pin the version they started on.
create table assistant_versions (
  assistant_id text not null,
  version text not null check (version ~ '^\d+\.\d+\.\d+'),
  definition jsonb not null,
  published_at timestamptz not null default now(),
  primary key (assistant_id, version)
);

-- Drafts: answers and typed input are encrypted (`state`, AAD = draft id). Owned by a session or a resume link.
create table drafts (
  id uuid primary key,
  tenant_id uuid not null references tenants (id) on delete cascade,
  offering_id uuid,
  assistant_id text not null,
  assistant_version text not null,
  current_step text not null,
  state text not null,
  status text not null default 'open' check (status in ('open', 'submitted')),
  submission_id uuid,
  resume_token_hash text unique,
  resume_code_hash text,
  resume_failures integer not null default 0,
  resume_window_started_at timestamptz,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  expires_at timestamptz not null,
  foreign key (assistant_id, assistant_version) references assistant_versions (assistant_id, version)
);
create index drafts_tenant_idx on drafts (tenant_id, status);
create index drafts_expires_idx on drafts (expires_at);

-- Submissions: the pruned answers, encrypted (AAD = submission id); fee lines as computed at submit time.
create table submissions (
  id uuid primary key,
  tenant_id uuid not null references tenants (id) on delete cascade,
  draft_id uuid not null unique,
  offering_id uuid,
  service_id uuid,
  assistant_id text not null,
  assistant_version text not null,
  reference text not null unique,
  answers text not null,
  fees jsonb not null default '{"lines": [], "totalCents": 0}'::jsonb,
  language text not null default 'de' check (language in ('de', 'en')),
  state text not null default 'submitted',
  submitted_at timestamptz not null
);
create index submissions_tenant_idx on submissions (tenant_id, submitted_at desc);
