import type { Plugin } from '../../platform/plugins/registry.ts';
import type { SubmissionEnvelopeV1 } from './webhook/envelope.ts';

/** One file that travels with a delivery: the application PDF, machine-readable data, or an upload. */
export interface DeliveryFile {
  id: string;
  filename: string;
  mimeType: string;
  size: number;
  /** Hex SHA-256 over the raw bytes. */
  sha256: string;
  /** What it is: the application PDF, the data as XÖV XML, or a citizen's upload. */
  role: 'application-pdf' | 'xoev-xml' | 'upload';
  read(): Promise<Buffer>;
}

/**
 * Everything a connector may send for one delivery. Built by the outbox worker from the submission; the
 * connector decides what to use (the webhook sends the envelope, e-mail attaches the PDF and data, the
 * FIT-Connect-style connector encrypts metadata, data and attachments).
 */
export interface DeliveryPayload {
  /** The metadata and answers, with `metadata.deliveryId` = this delivery's id (the idempotency key). */
  envelope: SubmissionEnvelopeV1;
  /** The application PDF and, where the assistant has an XÖV mapping, the XML; then the uploads. */
  files: DeliveryFile[];
}

/** What a successful delivery reports back (kept with the delivery for operators). */
export interface DeliveryReceipt {
  /** e.g. the HTTP status, the FIT submission id or the SMTP message id. */
  detail: string;
}

/**
 * A delivery connector: the plug-in shape shared with identity and payment providers, plus the format it
 * produces and a classifier telling the worker which errors are worth retrying. `deliver` throws on failure.
 */
export interface Connector<TOptions = unknown> extends Plugin<TOptions> {
  /** Versioned id of what it sends, e.g. `sac.submission.v1`. */
  readonly formatVersion: string;
  /** For the outbox: may a delivery that failed with `error` be tried again (5xx, timeout) or not (4xx, bad config)? */
  isRetryable(error: unknown): boolean;
  deliver(payload: DeliveryPayload, options: TOptions, context: { signal: AbortSignal }): Promise<DeliveryReceipt>;
}
