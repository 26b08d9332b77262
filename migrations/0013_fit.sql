-- FIT-Connect-style pull API (issue 6): destinations of Fachverfahren with their public keys, OAuth2
-- clients, encrypted submissions (compact JWE, readable only by the destination), their event log, SAC's
-- own SET signing key, and idempotency records of the feedback API.

create table fit_destinations (
  id uuid primary key,
  tenant_id uuid not null references tenants (id) on delete cascade,
  name text not null,
  -- Public JWKs as JSON text; null until the subscriber registers them.
  encryption_jwk text,
  signing_jwk text,
  callback_url text,
  -- HMAC-SHA512 secret of the callback, encrypted with the data key.
  callback_secret text,
  created_at timestamptz not null,
  updated_at timestamptz not null
);
create index fit_destinations_tenant_idx on fit_destinations (tenant_id);

create table fit_clients (
  client_id text primary key,
  tenant_id uuid not null references tenants (id) on delete cascade,
  destination_id uuid not null references fit_destinations (id) on delete cascade,
  -- SHA-256 of the 256-bit random secret (never the secret itself).
  secret_hash text not null,
  -- Space-separated: subscribe, send, feedback, feedback:tenant.
  scopes text not null,
  label text not null,
  created_at timestamptz not null,
  revoked_at timestamptz
);
create index fit_clients_destination_idx on fit_clients (destination_id);

create table fit_submissions (
  id uuid primary key,
  tenant_id uuid not null references tenants (id) on delete cascade,
  destination_id uuid not null references fit_destinations (id) on delete cascade,
  case_id uuid not null,
  status text not null check (status in ('incomplete', 'submitted', 'accepted', 'rejected')),
  public_service text not null,
  announced_attachments text not null,
  encrypted_metadata text,
  encrypted_data text,
  -- Set when SAC itself delivered an application (the connector); null for external senders.
  sac_submission_id uuid,
  -- The outbox delivery id: a retried delivery finds its earlier submission instead of a second one.
  delivery_id text unique,
  sender_client_id text,
  created_at timestamptz not null,
  submitted_at timestamptz,
  decided_at timestamptz
);
create index fit_submissions_pickup_idx on fit_submissions (destination_id, status, submitted_at);
create index fit_submissions_sac_idx on fit_submissions (sac_submission_id);

create table fit_attachments (
  tenant_id uuid not null,
  submission_id uuid not null references fit_submissions (id) on delete cascade,
  attachment_id uuid not null,
  content text not null,
  primary key (submission_id, attachment_id)
);

create table fit_events (
  id uuid primary key,
  -- Insertion order (several events may share a timestamp).
  seq bigserial not null,
  tenant_id uuid not null,
  submission_id uuid not null references fit_submissions (id) on delete cascade,
  event text not null,
  issuer text not null,
  jti text not null,
  -- The Security Event Token (compact JWS), signed by SAC or by the subscriber.
  token text not null,
  at timestamptz not null,
  -- A replayed SET (same issuer and jti) is refused by this constraint.
  unique (issuer, jti)
);
create index fit_events_submission_idx on fit_events (submission_id, seq);

create table fit_service_keys (
  kid text primary key,
  public_jwk text not null,
  -- Encrypted with the data key.
  private_jwk text not null,
  created_at timestamptz not null
);

create table feedback_requests (
  client_id text not null,
  idempotency_key text not null,
  tenant_id uuid not null,
  submission_id uuid not null,
  request_hash text not null,
  response_status integer not null,
  response_body text not null,
  created_at timestamptz not null,
  primary key (client_id, idempotency_key)
);
