-- Submission lifecycle (issues 4–6): the state of a submission is an explicit state machine. The allowed
-- transitions live in a table and a trigger refuses every other change, so an invalid transition is
-- impossible even for code that bypasses the lifecycle module. Every transition is recorded with who,
-- when and why (submission_events), which is also the citizen's status timeline.

create table submission_state_transitions (
  from_state text not null,
  to_state text not null,
  primary key (from_state, to_state)
);

insert into submission_state_transitions (from_state, to_state) values
  ('submitted', 'awaiting_payment'),
  ('submitted', 'ready_for_delivery'),
  ('submitted', 'withdrawn'),
  ('awaiting_payment', 'paid'),
  ('awaiting_payment', 'payment_failed'),
  ('awaiting_payment', 'payment_cancelled'),
  ('awaiting_payment', 'expired'),
  ('awaiting_payment', 'withdrawn'),
  ('payment_failed', 'awaiting_payment'),
  ('payment_failed', 'expired'),
  ('payment_failed', 'withdrawn'),
  ('payment_cancelled', 'awaiting_payment'),
  ('payment_cancelled', 'expired'),
  ('payment_cancelled', 'withdrawn'),
  ('paid', 'ready_for_delivery'),
  ('ready_for_delivery', 'delivered'),
  ('ready_for_delivery', 'withdrawn'),
  ('delivered', 'received'),
  ('delivered', 'in_progress'),
  ('delivered', 'information_needed'),
  ('delivered', 'completed'),
  ('delivered', 'rejected'),
  ('delivered', 'withdrawn'),
  ('received', 'in_progress'),
  ('received', 'information_needed'),
  ('received', 'completed'),
  ('received', 'rejected'),
  ('received', 'withdrawn'),
  ('in_progress', 'information_needed'),
  ('in_progress', 'completed'),
  ('in_progress', 'rejected'),
  ('in_progress', 'withdrawn'),
  ('information_needed', 'in_progress'),
  ('information_needed', 'completed'),
  ('information_needed', 'rejected'),
  ('information_needed', 'withdrawn');

alter table submissions alter column state set default 'submitted';
alter table submissions add constraint submissions_state_check check (state in (
  'submitted', 'awaiting_payment', 'payment_failed', 'payment_cancelled', 'paid', 'expired',
  'ready_for_delivery', 'delivered', 'received', 'in_progress', 'information_needed',
  'completed', 'rejected', 'withdrawn'));

create function submissions_guard_state() returns trigger language plpgsql as $$
begin
  if new.state is distinct from old.state and not exists (
    select 1 from submission_state_transitions where from_state = old.state and to_state = new.state
  ) then
    raise exception 'invalid submission state transition % -> %', old.state, new.state
      using errcode = 'check_violation';
  end if;
  return new;
end;
$$;

create trigger submissions_state_guard before update of state on submissions
  for each row execute function submissions_guard_state();

-- Who submitted: the citizen account (null for anonymous use), the login provider and trust level at
-- submit time, and which answers were pre-filled from which provider (field id -> provider/level).
alter table submissions add column citizen_account_id uuid references citizen_accounts (id);
alter table submissions add column trust_level text not null default 'none'
  check (trust_level in ('none', 'basisregistrierung', 'substantiell', 'hoch'));
alter table submissions add column identity_provider text;
alter table submissions add column prefill_sources jsonb not null default '{}'::jsonb;
alter table submissions add column state_changed_at timestamptz;
update submissions set state_changed_at = submitted_at;
alter table submissions alter column state_changed_at set not null;
create index submissions_account_idx on submissions (citizen_account_id, submitted_at desc)
  where citizen_account_id is not null;
create index submissions_state_idx on submissions (state, state_changed_at);

-- Drafts started by a logged-in citizen belong to the account (Mein Konto lists and resumes them).
alter table drafts add column citizen_account_id uuid references citizen_accounts (id);
create index drafts_account_idx on drafts (citizen_account_id) where citizen_account_id is not null;

-- The status timeline: one row per transition (from_state null = the submission itself).
-- `actor` is e.g. 'citizen', 'system', 'staff:<id>', 'payment:<provider>', 'fachverfahren:<route id>'.
-- `note` is the office's text for the citizen (encrypted, AAD = event id), null when none was given.
create table submission_events (
  id uuid primary key,
  tenant_id uuid not null references tenants (id) on delete cascade,
  submission_id uuid not null references submissions (id) on delete cascade,
  from_state text,
  to_state text not null,
  at timestamptz not null,
  actor text not null,
  reason text,
  note text
);
create index submission_events_submission_idx on submission_events (submission_id, at);

-- The status code (8 characters, shown on the receipt): with the reference number it lets a citizen
-- without an account look up the status. Stored encrypted (AAD = submission id) so the receipt can show it
-- again; compared in constant time.
alter table submissions add column status_code text;
