import type { Generated } from 'kysely';

/** Tables of the FIT-Connect-style pull API (migrations/0013_fit.sql). All tenant-owned. */

export type FitSubmissionStatus = 'incomplete' | 'submitted' | 'accepted' | 'rejected';

export interface FitDestinationsTable {
  id: string;
  tenant_id: string;
  name: string;
  /** Public JWK as JSON text. */
  encryption_jwk: string | null;
  signing_jwk: string | null;
  callback_url: string | null;
  /** Encrypted (DataCipher, AAD = destination id). */
  callback_secret: string | null;
  created_at: Date;
  updated_at: Date;
  /** When the subscriber last registered both public keys (migrations/0018); null while it has none. */
  keys_registered_at: Date | null;
}

export interface FitClientsTable {
  client_id: string;
  tenant_id: string;
  destination_id: string;
  secret_hash: string;
  scopes: string;
  label: string;
  created_at: Date;
  revoked_at: Date | null;
}

export interface FitSubmissionsTable {
  id: string;
  tenant_id: string;
  destination_id: string;
  case_id: string;
  status: FitSubmissionStatus;
  /** JSON `{identifier, name?}`. */
  public_service: string;
  /** JSON array of attachment ids. */
  announced_attachments: string;
  encrypted_metadata: string | null;
  encrypted_data: string | null;
  sac_submission_id: string | null;
  delivery_id: string | null;
  sender_client_id: string | null;
  created_at: Date;
  submitted_at: Date | null;
  decided_at: Date | null;
  /**
   * When the ciphertexts (metadata, data, attachments) were deleted: at accept/reject, or by the retention
   * job for submissions nobody confirmed (migrations/0017). Null while the content is there.
   */
  content_deleted_at: Date | null;
}

export interface FitAttachmentsTable {
  tenant_id: string;
  submission_id: string;
  attachment_id: string;
  content: string;
}

export interface FitEventsTable {
  id: string;
  seq: Generated<string>;
  tenant_id: string;
  submission_id: string;
  event: string;
  issuer: string;
  jti: string;
  token: string;
  at: Date;
}

export interface FitServiceKeysTable {
  kid: string;
  public_jwk: string;
  private_jwk: string;
  created_at: Date;
}

export interface FeedbackRequestsTable {
  client_id: string;
  idempotency_key: string;
  tenant_id: string;
  submission_id: string;
  request_hash: string;
  response_status: number;
  response_body: string;
  created_at: Date;
}

export interface FitTables {
  fit_destinations: FitDestinationsTable;
  fit_clients: FitClientsTable;
  fit_submissions: FitSubmissionsTable;
  fit_attachments: FitAttachmentsTable;
  fit_events: FitEventsTable;
  fit_service_keys: FitServiceKeysTable;
  feedback_requests: FeedbackRequestsTable;
}
