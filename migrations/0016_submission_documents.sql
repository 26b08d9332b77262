-- Documents of record (issue 6): the application PDF and the XÖV payload of a submission are rendered once,
-- in the transaction that releases it (`ready_for_delivery`), and stored encrypted. Every delivery route and
-- every retry sends these bytes, and the citizen downloads the same document the office received, even
-- after the template, the fonts or the municipality's branding changed. Before release (e.g. while a
-- payment is open) the PDF is rendered on demand.

create table submission_documents (
  tenant_id uuid not null references tenants (id) on delete cascade,
  submission_id uuid not null references submissions (id) on delete cascade,
  role text not null check (role in ('application-pdf', 'xoev-xml')),
  filename text not null,
  mime_type text not null,
  size_bytes integer not null,
  sha256 text not null,
  -- The bytes, encrypted with the data key (AAD = `submission-document:<submission id>:<role>`).
  content text not null,
  created_at timestamptz not null default now(),
  primary key (submission_id, role)
);
create index submission_documents_tenant_idx on submission_documents (tenant_id, submission_id);
