import type { Generated } from 'kysely';
import type { FeeResult } from '../forms/engine/index.ts';
import type { SubmissionState } from './lifecycle/states.ts';

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
  /** Changed only through `transition()` (lifecycle/transition.ts); a trigger refuses invalid changes. */
  state: Generated<SubmissionState>;
  submitted_at: Date;
  state_changed_at: Date;
  /** Null for anonymous submissions. */
  citizen_account_id: Generated<string | null>;
  trust_level: Generated<'none' | 'basisregistrierung' | 'substantiell' | 'hoch'>;
  /** Key of the identity provider used at submit time, null when anonymous. */
  identity_provider: Generated<string | null>;
  /** Field id → where the pre-filled value came from (`{ provider, trustLevel, locked }`). */
  prefill_sources: Generated<Record<string, PrefillSource> | string>;
  /** The status code shown on the receipt, encrypted (see status-code.ts); null for old rows. */
  status_code: string | null;
}

export interface PrefillSource {
  provider: string;
  trustLevel: string;
  /** The value came from an eID login and could not be changed by the citizen. */
  locked: boolean;
}

/** One transition of a submission (the status timeline). `note` is encrypted, AAD = id. */
export interface SubmissionEventsTable {
  id: string;
  tenant_id: string;
  submission_id: string;
  from_state: SubmissionState | null;
  to_state: SubmissionState;
  at: Date;
  actor: string;
  reason: string | null;
  note: string | null;
  /** Insertion order; breaks ties between events with the same `at`. */
  seq: Generated<string | number>;
}

export interface SubmissionStateTransitionsTable {
  from_state: string;
  to_state: string;
}

/** A document of record of a released submission (documents/record.ts); `content` is encrypted. */
export interface SubmissionDocumentsTable {
  tenant_id: string;
  submission_id: string;
  role: 'application-pdf' | 'xoev-xml';
  filename: string;
  mime_type: string;
  size_bytes: number;
  sha256: string;
  content: string;
  created_at: Generated<Date>;
}

export interface SubmissionTables {
  submissions: SubmissionsTable;
  submission_documents: SubmissionDocumentsTable;
  submission_events: SubmissionEventsTable;
  submission_state_transitions: SubmissionStateTransitionsTable;
}
