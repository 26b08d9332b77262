import type { Generated } from 'kysely';

export interface IdentityProvidersTable {
  key: string;
  /** Null: offered in every tenant's portal. */
  tenant_id: string | null;
  plugin_id: string;
  label: string;
  /** Plug-in options as JSON, encrypted with the data key (AAD = `identity-provider:<key>`). */
  options_encrypted: string;
  enabled: Generated<boolean>;
  sort_order: Generated<number>;
  created_at: Generated<Date>;
}

export interface CitizenAccountsTable {
  id: Generated<string>;
  pseudonym_hash: string;
  created_at: Date;
  last_login_at: Date;
  last_provider: string;
  last_trust_level: 'basisregistrierung' | 'substantiell' | 'hoch';
}

export interface SamlAssertionReplaysTable {
  assertion_hash: string;
  expires_at: Date;
}

export interface IdentityTables {
  identity_providers: IdentityProvidersTable;
  citizen_accounts: CitizenAccountsTable;
  saml_assertion_replays: SamlAssertionReplaysTable;
}
