-- Online payment (issue 5): per-tenant provider settings, booking data per offering, one row per payment
-- attempt of a submission, processed provider notifications (idempotency) and the demo provider's own
-- transactions (the demo provider is a separate component that only shares the database).

-- Which payment provider a tenant uses. `options` are the plug-in's non-secret options; `secrets_encrypted`
-- holds the secret options as JSON, encrypted with the data key (AAD = `payment-settings:<tenant id>`).
create table payment_settings (
  tenant_id uuid primary key references tenants (id) on delete cascade,
  plugin_id text not null,
  options jsonb not null default '{}'::jsonb,
  secrets_encrypted text,
  updated_at timestamptz not null default now()
);

-- Posting data for the cash office per offering (Haushaltsstelle, Objektnummer, …): key -> value.
create table payment_booking_data (
  tenant_id uuid not null references tenants (id) on delete cascade,
  offering_id uuid not null,
  booking_data jsonb not null default '{}'::jsonb,
  primary key (tenant_id, offering_id)
);

-- One row per payment attempt. At most one open ('pending') attempt per submission (unique partial
-- index): ten parallel "Bezahlen" clicks create one row and one provider transaction. At most one paid
-- attempt per submission.
create table payments (
  id uuid primary key,
  tenant_id uuid not null references tenants (id) on delete cascade,
  submission_id uuid not null references submissions (id) on delete cascade,
  attempt integer not null check (attempt > 0),
  plugin_id text not null,
  status text not null check (status in ('pending', 'paid', 'failed', 'cancelled')),
  amount_cents integer not null check (amount_cents > 0),
  currency text not null default 'EUR',
  -- The provider's transaction id (null while the transaction is being created).
  transaction_id text,
  -- The Kassenzeichen (XBezahldienste `transactionReference`), may be issued late.
  transaction_reference text,
  -- The provider's pay page (valid while INITIAL).
  redirect_url text,
  payment_method text,
  -- Why an attempt ended without payment (provider status detail or 'create_failed'); no personal data.
  status_detail text,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  paid_at timestamptz,
  last_checked_at timestamptz,
  unique (submission_id, attempt)
);
create unique index payments_one_open_idx on payments (submission_id) where status = 'pending';
create unique index payments_one_paid_idx on payments (submission_id) where status = 'paid';
create index payments_tenant_idx on payments (tenant_id, created_at desc);
create index payments_pending_idx on payments (status, created_at) where status = 'pending';
create unique index payments_transaction_idx on payments (plugin_id, transaction_id) where transaction_id is not null;

-- Processed notifications, by the provider's event id: a duplicate or replayed event is ignored.
create table payment_notifications (
  tenant_id uuid not null references tenants (id) on delete cascade,
  event_id text not null,
  transaction_id text not null,
  status text not null,
  received_at timestamptz not null,
  primary key (tenant_id, event_id)
);

-- The demo payment provider's own store (only used with SAC_DEMO=1). Not tenant-owned: the demo
-- provider is a stand-in for an external service and knows only originator/endpoint ids.
create table demo_payment_transactions (
  id text primary key,
  originator_id text not null,
  endpoint_id text not null,
  request_id text not null,
  request jsonb not null,
  status text not null check (status in ('INITIAL', 'PAYED', 'FAILED', 'CANCELED')),
  transaction_reference text,
  notify_url text,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  unique (originator_id, endpoint_id, request_id)
);
