import type { Generated } from 'kysely';

/** A municipality's OpenID provider for its staff (at most one per tenant). */
export interface StaffOidcProvidersTable {
  tenant_id: string;
  issuer: string;
  client_id: string;
  /** DataCipher, AAD = `staff-oidc:<tenant id>`. */
  client_secret_enc: string | null;
  /** Claim whose value is the staff account's e-mail address. */
  account_claim: Generated<string>;
  label: string | null;
  allow_insecure_http: Generated<boolean>;
  enabled: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface StaffOidcTables {
  staff_oidc_providers: StaffOidcProvidersTable;
}
