-- Foundation: platform tables, tenants, catalog. Plain SQL, forward only, the same on PGlite and PostgreSQL.

create extension if not exists pg_trgm;

create table sessions (
  id_hash text primary key,
  data jsonb not null default '{}'::jsonb,
  created_at timestamptz not null,
  last_seen_at timestamptz not null,
  expires_at timestamptz not null
);
create index sessions_expires_idx on sessions (expires_at);

-- Tenants: municipalities and other public bodies.
create table tenants (
  id uuid primary key default gen_random_uuid(),
  slug text not null unique check (slug ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
  name text not null,
  short_name text not null,
  kind text not null check (kind in ('stadt', 'gemeinde', 'landkreis', 'verbandsgemeinde', 'zweckverband', 'land')),
  ags text check (ags is null or ags ~ '^\d{8}$'),
  ars text check (ars is null or ars ~ '^\d{12}$'),
  parent_id uuid references tenants (id),
  primary_color text not null default '#004b76' check (primary_color ~ '^#[0-9a-fA-F]{6}$'),
  logo_svg text,
  website text,
  participates_115 boolean not null default true,
  feedback_email text not null,
  feedback_phone text,
  legal_representative text,
  active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

-- Offices (zuständige Stellen) of a tenant.
create table offices (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants (id) on delete cascade,
  slug text not null,
  name text not null,
  street text,
  postcode text check (postcode is null or postcode ~ '^\d{5}$'),
  city text,
  phone text,
  email text,
  opening_hours text,
  accessibility text,
  unique (tenant_id, slug),
  unique (tenant_id, id)
);

-- Legal pages per tenant: Impressum, Datenschutzerklärung, Erklärung zur Barrierefreiheit.
create table tenant_pages (
  tenant_id uuid not null references tenants (id) on delete cascade,
  kind text not null check (kind in ('impressum', 'datenschutz', 'barrierefreiheit')),
  title text not null,
  body text not null,
  updated_at timestamptz not null default now(),
  primary key (tenant_id, kind)
);

-- The service catalog (LeiKa), shared by all tenants.
create table services (
  id uuid primary key default gen_random_uuid(),
  leika_key text not null unique check (leika_key ~ '^99\d{12}$'),
  slug text not null unique,
  name text not null,
  leistungstyp text,
  ozg_leistung_id text,
  ozg_leistung_name text,
  lebenslage text,
  themenfeld text,
  rechtsgrundlage text,
  modules jsonb not null default '{}'::jsonb,
  updated_at timestamptz not null default now(),
  search_vector tsvector generated always as (
    setweight(to_tsvector('german', coalesce(name, '')), 'A') ||
    setweight(to_tsvector('german', coalesce(ozg_leistung_name, '')), 'B') ||
    setweight(to_tsvector('german', coalesce(lebenslage, '') || ' ' || coalesce(themenfeld, '')), 'C') ||
    setweight(to_tsvector('german', coalesce(modules ->> 'teaser', '') || ' ' || coalesce(modules ->> 'volltext', '')), 'D')
  ) stored
);
create index services_search_idx on services using gin (search_vector);
create index services_name_trgm_idx on services using gin (name gin_trgm_ops);
create index services_lebenslage_idx on services (lebenslage);
create index services_themenfeld_idx on services (themenfeld);

-- Offerings: which services a tenant offers, and how.
create table offerings (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants (id) on delete cascade,
  service_id uuid not null references services (id),
  office_id uuid,
  online boolean not null default false,
  assistant_id text,
  fee_cents integer check (fee_cents is null or fee_cents >= 0),
  fee_text text,
  trust_level text not null default 'none' check (trust_level in ('none', 'basisregistrierung', 'substantiell', 'hoch')),
  anonymous_allowed boolean not null default true,
  active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (tenant_id, service_id),
  foreign key (tenant_id, office_id) references offices (tenant_id, id)
);
create index offerings_service_idx on offerings (service_id);

create table audit_events (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid references tenants (id) on delete cascade,
  at timestamptz not null default now(),
  actor text not null,
  action text not null,
  object_type text,
  object_id text,
  details jsonb not null default '{}'::jsonb
);
create index audit_events_tenant_at_idx on audit_events (tenant_id, at);
