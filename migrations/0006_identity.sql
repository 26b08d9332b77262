-- Identity (issue 4): configured identity providers, citizen accounts keyed by a hashed pseudonym,
-- and the replay cache of SAML assertion ids.

-- Which login providers are offered, per tenant (tenant_id) or for every tenant (tenant_id null).
-- Options may hold secrets (private keys, client secrets): they are stored encrypted (AAD = key).
create table identity_providers (
  key text primary key check (key ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
  tenant_id uuid references tenants (id) on delete cascade,
  plugin_id text not null,
  label text not null,
  options_encrypted text not null,
  enabled boolean not null default true,
  sort_order integer not null default 0,
  created_at timestamptz not null default now()
);

-- One row per citizen: the key is HMAC-SHA256(secret key, provider pseudonym), never the pseudonym
-- itself. Names, address and birth date are not stored here; they live only in the session.
create table citizen_accounts (
  id uuid primary key default gen_random_uuid(),
  pseudonym_hash text not null unique check (pseudonym_hash ~ '^[0-9a-f]{64}$'),
  created_at timestamptz not null,
  last_login_at timestamptz not null,
  last_provider text not null,
  last_trust_level text not null check (last_trust_level in ('basisregistrierung', 'substantiell', 'hoch'))
);

-- SAML assertion ids already accepted (SHA-256), kept until the assertion would have expired anyway.
create table saml_assertion_replays (
  assertion_hash text primary key,
  expires_at timestamptz not null
);
create index saml_assertion_replays_expiry_idx on saml_assertion_replays (expires_at);
