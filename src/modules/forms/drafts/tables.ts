import type { Generated } from 'kysely';

export type DraftStatus = 'open' | 'submitted';

/** A citizen's application in progress; `state` is the encrypted {@link DraftState}. */
export interface DraftsTable {
  id: string;
  tenant_id: string;
  offering_id: string | null;
  assistant_id: string;
  /** The definition version the draft started on; it never changes. */
  assistant_version: string;
  current_step: string;
  state: string;
  status: Generated<DraftStatus>;
  submission_id: string | null;
  resume_token_hash: string | null;
  resume_code_hash: string | null;
  resume_failures: Generated<number>;
  resume_window_started_at: Date | null;
  created_at: Date;
  updated_at: Date;
  expires_at: Date;
  /** The citizen account that owns the draft (Mein Konto); null for anonymous drafts. */
  citizen_account_id: Generated<string | null>;
}

export interface DraftTables {
  drafts: DraftsTable;
}
