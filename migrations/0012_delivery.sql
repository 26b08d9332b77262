-- Delivery (issue 6): routes say where an offering's submissions go (connector + encrypted options);
-- deliveries are one submission × one route, each with its own state, created together with their
-- `delivery.send` job in the transaction that releases the submission (outbox).

create table delivery_routes (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants (id) on delete cascade,
  offering_id uuid not null references offerings (id) on delete cascade,
  connector_id text not null,
  label text not null,
  -- Connector options (URL, secret, address) as JSON, encrypted with the data key (AAD = id).
  options_enc text not null,
  enabled boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (tenant_id, id)
);
create index delivery_routes_offering_idx on delivery_routes (tenant_id, offering_id);

create table deliveries (
  id uuid primary key,
  tenant_id uuid not null references tenants (id) on delete cascade,
  submission_id uuid not null references submissions (id) on delete cascade,
  route_id uuid references delivery_routes (id) on delete set null,
  connector_id text not null,
  state text not null default 'pending'
    check (state in ('pending', 'in_progress', 'delivered', 'failed', 'dead')),
  attempts integer not null default 0,
  -- Why the last attempt failed, for operators; never personal data (status, error code, receiver excerpt).
  last_error text,
  -- What the connector reported on success (HTTP status, message id, FIT submission id).
  receipt text,
  job_id bigint,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  delivered_at timestamptz,
  unique (submission_id, route_id)
);
create index deliveries_state_idx on deliveries (state, connector_id, created_at);
create index deliveries_tenant_idx on deliveries (tenant_id, created_at);
