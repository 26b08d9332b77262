import type { TrustLevel } from '../../catalog/tables.ts';

/** The format id of this envelope; a breaking change gets a new id (`sac.submission.v2`), never an edit. */
export const ENVELOPE_FORMAT_V1 = 'sac.submission.v1';

export type EnvelopePaymentStatus = 'pending' | 'paid' | 'failed' | 'cancelled';

/**
 * An attachment travels either as a signed, expiring download link (`url` + `expiresAt`) or inline
 * (`contentBase64`); `sha256` (hex, over the raw file) lets the receiver check what it downloaded.
 */
export interface EnvelopeAttachmentV1 {
  id: string;
  filename: string;
  mimeType: string;
  size: number;
  sha256: string;
  url?: string;
  expiresAt?: string;
  contentBase64?: string;
}

/** What SAC POSTs to a Fachverfahren webhook. JSON Schema: `envelope.schema.v1.json` next to this file. */
export interface SubmissionEnvelopeV1 {
  format: typeof ENVELOPE_FORMAT_V1;
  metadata: {
    /** Also sent as `X-SAC-Delivery-Id` and `Idempotency-Key`; the same delivery may arrive more than once. */
    deliveryId: string;
    submissionId: string;
    /** The reference the citizen sees, e.g. `MD-7K3Q-9XF2`. */
    reference: string;
    tenant: { id: string; name: string; ars: string | null };
    leikaKey: string;
    assistant: { id: string; version: string };
    submittedAt: string;
    /** `null` when the service is free of charge. */
    payment: { status: EnvelopePaymentStatus; transactionReference: string | null; amountCents: number } | null;
    trustLevel: TrustLevel;
  };
  /** The form answers, as defined by the assistant version. */
  data: Record<string, unknown>;
  attachments: EnvelopeAttachmentV1[];
}
