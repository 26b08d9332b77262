-- Durable jobs: the outbox for delivery, payment checks and retention. Workers are cross-tenant, so
-- tenant_id is only kept for reporting. Plain SQL, forward only, the same on PGlite and PostgreSQL.

create table jobs (
  id bigint generated always as identity primary key,
  kind text not null check (kind ~ '^[a-z][a-z0-9_.:-]{0,99}$'),
  tenant_id uuid,
  payload jsonb not null default '{}'::jsonb,
  state text not null default 'pending' check (state in ('pending', 'running', 'done', 'dead')),
  attempts integer not null default 0 check (attempts >= 0),
  max_attempts integer not null default 10 check (max_attempts >= 1),
  run_at timestamptz not null default now(),
  -- The lease: which worker holds a running job and until when. An expired lease makes it claimable again.
  locked_by text,
  locked_until timestamptz,
  -- Never personal data: the worker stores only the error name and a truncated message.
  last_error text check (last_error is null or length(last_error) <= 500),
  -- Idempotency: enqueueing the same key twice yields one job.
  dedupe_key text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  finished_at timestamptz,
  check (state <> 'running' or (locked_by is not null and locked_until is not null))
);

create unique index jobs_dedupe_key_uq on jobs (dedupe_key) where dedupe_key is not null;
-- The claim query: due pending jobs in run_at order, and running jobs whose lease has expired.
create index jobs_pending_run_at_idx on jobs (run_at, id) where state = 'pending';
create index jobs_running_locked_until_idx on jobs (locked_until) where state = 'running';
-- Operator views: dead jobs, and jobs of a tenant.
create index jobs_dead_idx on jobs (updated_at) where state = 'dead';
create index jobs_tenant_idx on jobs (tenant_id, created_at) where tenant_id is not null;
