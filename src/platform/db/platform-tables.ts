import type { Generated } from 'kysely';

export interface SchemaMigrationsTable {
  version: string;
  applied_at: Generated<Date>;
}

export interface SessionsTable {
  /** SHA-256 of the session token; the token itself is only in the cookie. */
  id_hash: string;
  data: unknown;
  created_at: Date;
  last_seen_at: Date;
  expires_at: Date;
  /** Whose session it is (e.g. `citizen:<account id>`), for "log out everywhere"; null when anonymous. */
  subject: Generated<string | null>;
}

export interface AuditEventsTable {
  id: Generated<string>;
  tenant_id: string | null;
  at: Generated<Date>;
  actor: string;
  action: string;
  object_type: string | null;
  object_id: string | null;
  details: unknown;
}

export interface PlatformTables {
  schema_migrations: SchemaMigrationsTable;
  sessions: SessionsTable;
  audit_events: AuditEventsTable;
}
