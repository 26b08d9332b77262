import type { Generated } from 'kysely';

export type TrustLevel = 'none' | 'basisregistrierung' | 'substantiell' | 'hoch';

/** The FIM/XZuFi description modules a service page shows (all optional, plain text). */
export interface ServiceModules {
  teaser?: string;
  volltext?: string;
  voraussetzungen?: string;
  unterlagen?: string;
  kosten?: string;
  verfahrensablauf?: string;
  bearbeitungsdauer?: string;
  fristen?: string;
  hinweise?: string;
  rechtsgrundlage?: string;
  rechtsbehelf?: string;
  weiterfuehrende?: string;
}

export interface ServicesTable {
  id: Generated<string>;
  leika_key: string;
  slug: string;
  name: string;
  leistungstyp: string | null;
  ozg_leistung_id: string | null;
  ozg_leistung_name: string | null;
  lebenslage: string | null;
  themenfeld: string | null;
  rechtsgrundlage: string | null;
  modules: Generated<ServiceModules>;
  /** Editorial weight: higher comes first among equally good matches and in "top services" lists. */
  popularity: Generated<number>;
  updated_at: Generated<Date>;
}

export interface OfferingsTable {
  id: Generated<string>;
  tenant_id: string;
  service_id: string;
  office_id: string | null;
  online: Generated<boolean>;
  assistant_id: string | null;
  fee_cents: number | null;
  fee_text: string | null;
  trust_level: Generated<TrustLevel>;
  anonymous_allowed: Generated<boolean>;
  active: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface CatalogTables {
  services: ServicesTable;
  offerings: OfferingsTable;
}
