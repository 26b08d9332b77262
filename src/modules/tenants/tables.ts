import type { Generated } from 'kysely';

export type TenantKind = 'stadt' | 'gemeinde' | 'landkreis' | 'verbandsgemeinde' | 'zweckverband' | 'land';

export interface TenantsTable {
  id: Generated<string>;
  slug: string;
  name: string;
  short_name: string;
  kind: TenantKind;
  ags: string | null;
  ars: string | null;
  parent_id: string | null;
  primary_color: Generated<string>;
  logo_svg: string | null;
  website: string | null;
  participates_115: Generated<boolean>;
  feedback_email: string;
  feedback_phone: string | null;
  legal_representative: string | null;
  active: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface OfficesTable {
  id: Generated<string>;
  tenant_id: string;
  slug: string;
  name: string;
  street: string | null;
  postcode: string | null;
  city: string | null;
  phone: string | null;
  email: string | null;
  opening_hours: string | null;
  accessibility: string | null;
}

export type LegalPageKind = 'impressum' | 'datenschutz' | 'barrierefreiheit';

export interface TenantPagesTable {
  tenant_id: string;
  kind: LegalPageKind;
  title: string;
  body: string;
  updated_at: Generated<Date>;
}

export interface TenantTables {
  tenants: TenantsTable;
  offices: OfficesTable;
  tenant_pages: TenantPagesTable;
}
