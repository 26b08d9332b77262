-- Optional OpenID Connect login for the staff of one municipality (issue 4, part 7): the municipality's
-- own identity provider vouches for the person; a claim (by default the e-mail address) names an
-- existing staff account, which must hold a role in this municipality.
create table staff_oidc_providers (
  tenant_id uuid primary key references tenants (id) on delete cascade,
  issuer text not null,
  client_id text not null,
  -- Client secret encrypted with the data key (DataCipher, AAD = staff-oidc:<tenant id>).
  client_secret_enc text,
  -- The ID token / userinfo claim whose value is the staff account's e-mail address.
  account_claim text not null default 'email' check (account_claim ~ '^[A-Za-z0-9_:.-]{1,64}$'),
  -- Button text, e.g. "Verwaltungskonto der Stadt"; null: the municipality's name.
  label text,
  -- Plain http only for a local test issuer (127.0.0.1/localhost).
  allow_insecure_http boolean not null default false,
  enabled boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
