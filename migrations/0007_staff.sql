-- Staff access: accounts (not tenant-owned: an operator spans tenants), per-tenant roles, recovery codes,
-- and the platform's rate-limit counters (shared by every process of an installation).

create table staff_accounts (
  id uuid primary key default gen_random_uuid(),
  -- Stored lower-cased: unique without regard to case.
  email text not null unique check (email = lower(email) and email like '%_@_%'),
  display_name text not null,
  -- argon2id in PHC format.
  password_hash text not null,
  -- Global operator role (Betrieb); tenant roles live in staff_roles.
  is_operator boolean not null default false,
  -- TOTP secrets encrypted with the data key (DataCipher, bound to the account id).
  totp_secret_enc text,
  totp_pending_enc text,
  -- Last accepted TOTP time step: a code is accepted only once.
  totp_last_step bigint,
  -- Stored in every session of the account; incrementing it ends all of them ("logout everywhere").
  session_epoch integer not null default 0,
  active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table staff_roles (
  tenant_id uuid not null references tenants (id) on delete cascade,
  staff_id uuid not null references staff_accounts (id) on delete cascade,
  role text not null check (role in ('caseworker', 'admin')),
  created_at timestamptz not null default now(),
  primary key (tenant_id, staff_id, role)
);
create index staff_roles_staff_idx on staff_roles (staff_id);

create table staff_recovery_codes (
  staff_id uuid not null references staff_accounts (id) on delete cascade,
  -- SHA-256 of the normalised code; the code itself is shown once.
  code_hash text not null,
  used_at timestamptz,
  primary key (staff_id, code_hash)
);

-- Fixed-window counters of src/platform/http/rate-limit.ts. `key` is an HMAC of rule + subject, so no
-- e-mail address or IP address is stored.
create table rate_limits (
  key text primary key,
  window_start timestamptz not null,
  hits integer not null
);
create index rate_limits_window_idx on rate_limits (window_start);
