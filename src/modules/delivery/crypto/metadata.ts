import { sha512Hex } from './hashes.ts';

export const METADATA_SCHEMA_URI = 'https://schema.fitko.de/fit-connect/metadata/1.0.0/metadata.schema.json';
const LEIKA_URN = /^urn:de:fim:leika:leistung:\d{14}$/;
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

export interface Sha512Hash {
  type: 'sha512';
  content: string;
}

export type AttachmentPurpose = 'form' | 'attachment' | 'report';

export interface MetadataAttachment {
  attachmentId: string;
  hash: Sha512Hash;
  mimeType: string;
  purpose: AttachmentPurpose;
  filename?: string;
  description?: string;
}

export interface PaymentInformation {
  transactionId: string;
  transactionReference: string;
  paymentMethod: 'GIROPAY' | 'PAYDIRECT' | 'CREDITCARD' | 'PAYPAL' | 'INVOICE' | 'OTHER';
  status: 'INITIAL' | 'BOOKED' | 'FAILED' | 'CANCELED';
  transactionUrl?: string;
  transactionTimestamp?: string;
  paymentMethodDetail?: string;
  grossAmount?: number;
}

export type ReplyChannel =
  | { eMail: { address: string; pgpPublicKey?: string } }
  | { deMail: { address: string } }
  | { fink: { finkPostfachRef: string; host?: string } }
  | { elster: { accountId: string; lieferTicket?: string; geschaeftszeichen?: string } };

/** FIT-Connect metadata, schema version 1.0.0 (the shipped `metadata.schema.v1.0.0.json`). */
export interface FitConnectMetadataV1 {
  $schema: typeof METADATA_SCHEMA_URI;
  contentStructure: {
    data: {
      hash: Sha512Hash;
      submissionSchema: { schemaUri: string; mimeType: 'application/json' | 'application/xml' };
    };
    attachments: MetadataAttachment[];
  };
  publicServiceType: { identifier: string; name?: string; description?: string };
  paymentInformation?: PaymentInformation;
  replyChannel?: ReplyChannel;
  additionalReferenceInfo?: { senderReference?: string; applicationDate?: string };
}

export interface MetadataInput {
  data: { bytes: Uint8Array | string; schemaUri: string; mimeType: 'application/json' | 'application/xml' };
  attachments: { id: string; bytes: Uint8Array; mimeType: string; filename?: string; purpose: AttachmentPurpose }[];
  publicService: { identifier: string; name?: string };
  paymentInformation?: PaymentInformation;
  replyChannel?: ReplyChannel;
  additionalReferenceInfo?: { senderReference?: string; applicationDate?: string };
}

const sha512 = (bytes: Uint8Array | string): Sha512Hash => ({ type: 'sha512', content: sha512Hex(bytes) });

/**
 * Builds the metadata of a submission with SHA-512 hashes over the *unencrypted* data and attachments,
 * so the subscriber can detect a part swapped in transit. Throws on a non-LeiKa identifier or an
 * attachment id that is not a UUIDv4 (the schema demands both).
 */
export function buildMetadata(input: MetadataInput): FitConnectMetadataV1 {
  if (!LEIKA_URN.test(input.publicService.identifier)) {
    throw new Error(
      `publicService.identifier must be urn:de:fim:leika:leistung:<14 digits>, got ${input.publicService.identifier}`,
    );
  }
  const ids = new Set<string>();
  for (const a of input.attachments) {
    if (!UUID_V4.test(a.id)) throw new Error(`attachment id ${a.id} is not a UUIDv4`);
    if (ids.has(a.id)) throw new Error(`attachment id ${a.id} is used twice`);
    ids.add(a.id);
  }
  const metadata: FitConnectMetadataV1 = {
    $schema: METADATA_SCHEMA_URI,
    contentStructure: {
      data: {
        hash: sha512(input.data.bytes),
        submissionSchema: { schemaUri: input.data.schemaUri, mimeType: input.data.mimeType },
      },
      attachments: input.attachments.map((a) => ({
        attachmentId: a.id,
        hash: sha512(a.bytes),
        mimeType: a.mimeType,
        purpose: a.purpose,
        ...(a.filename ? { filename: a.filename } : {}),
      })),
    },
    publicServiceType: {
      identifier: input.publicService.identifier,
      ...(input.publicService.name ? { name: input.publicService.name } : {}),
    },
  };
  if (input.paymentInformation) metadata.paymentInformation = input.paymentInformation;
  if (input.replyChannel) metadata.replyChannel = input.replyChannel;
  if (input.additionalReferenceInfo) metadata.additionalReferenceInfo = input.additionalReferenceInfo;
  return metadata;
}

export type HashCheck = { ok: true } | { ok: false; mismatches: string[] };

/**
 * Subscriber side: compares the decrypted data and attachments with the hashes in the metadata.
 * Reports every mismatch, every attachment announced but missing, and every attachment not announced.
 */
export function verifyHashes(
  metadata: FitConnectMetadataV1,
  data: Uint8Array | string,
  attachments: { id: string; bytes: Uint8Array }[],
): HashCheck {
  const mismatches: string[] = [];
  if (sha512Hex(data) !== metadata.contentStructure.data.hash.content) mismatches.push('data');
  const received = new Map(attachments.map((a) => [a.id, a.bytes]));
  for (const announced of metadata.contentStructure.attachments) {
    const bytes = received.get(announced.attachmentId);
    if (!bytes) mismatches.push(`attachment ${announced.attachmentId} missing`);
    else if (sha512Hex(bytes) !== announced.hash.content) mismatches.push(`attachment ${announced.attachmentId}`);
    received.delete(announced.attachmentId);
  }
  for (const id of received.keys()) mismatches.push(`attachment ${id} not announced in the metadata`);
  return mismatches.length === 0 ? { ok: true } : { ok: false, mismatches };
}
