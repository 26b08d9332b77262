import type { Generated } from 'kysely';
import type { FeeResult } from '../forms/engine/index.ts';

/** A submitted application; `answers` holds the pruned answers encrypted with AAD = id. */
export interface SubmissionsTable {
  id: string;
  tenant_id: string;
  draft_id: string;
  offering_id: string | null;
  service_id: string | null;
  assistant_id: string;
  assistant_version: string;
  /** Human-friendly reference number, e.g. `MD-7K3Q-9XF2`. */
  reference: string;
  answers: string;
  fees: FeeResult | string;
  language: Generated<'de' | 'en'>;
  state: Generated<string>;
  submitted_at: Date;
}

export interface SubmissionTables {
  submissions: SubmissionsTable;
}
