import type { JWK } from 'jose';
import type { DestinationKeyCheckOptions } from './destination-key-check.ts';
import { authenticationTagOf, decryptSubmissionPart, encryptForDestination } from './jwe.ts';
import {
  buildMetadata,
  type FitConnectMetadataV1,
  type HashCheck,
  type MetadataInput,
  verifyHashes,
} from './metadata.ts';
import type { AuthenticationTags } from './security-event-token.ts';

/** The parts of a submission as they travel: each a compact JWE to the destination's key. */
export interface EncryptedSubmission {
  encryptedMetadata: string;
  encryptedData: string;
  /** By attachment id (UUIDv4). */
  encryptedAttachments: Record<string, string>;
}

/**
 * Sender side: builds the metadata (with SHA-512 hashes) and encrypts metadata, data and every attachment
 * to the destination key. The key is checked before anything is encrypted.
 */
export async function encryptSubmission(
  input: MetadataInput,
  destinationKey: JWK,
  options: DestinationKeyCheckOptions = {},
): Promise<EncryptedSubmission & { metadata: FitConnectMetadataV1 }> {
  const metadata = buildMetadata(input);
  const [encryptedMetadata, encryptedData, ...attachments] = await Promise.all([
    encryptForDestination(JSON.stringify(metadata), destinationKey, 'application/json', options),
    encryptForDestination(input.data.bytes, destinationKey, input.data.mimeType, options),
    ...input.attachments.map((a) => encryptForDestination(a.bytes, destinationKey, a.mimeType, options)),
  ]);
  const encryptedAttachments = Object.fromEntries(input.attachments.map((a, i) => [a.id, attachments[i]!]));
  return { metadata, encryptedMetadata: encryptedMetadata!, encryptedData: encryptedData!, encryptedAttachments };
}

export interface DecryptedSubmission {
  metadata: FitConnectMetadataV1;
  data: Uint8Array;
  attachments: { id: string; bytes: Uint8Array; mimeType: string | undefined }[];
  /** Whether data and attachments match the hashes in the metadata; reject the submission if not. */
  hashCheck: HashCheck;
  /** For the accept-submission SET. */
  authenticationTags: AuthenticationTags;
}

/**
 * Subscriber side: decrypts every part and checks the hashes. Throws if a part does not decrypt (wrong key,
 * tampered ciphertext); a hash mismatch is reported in `hashCheck`, not thrown, so the subscriber can
 * answer with a reject-submission SET.
 */
export async function decryptSubmission(
  submission: EncryptedSubmission,
  privateKey: JWK | CryptoKey,
): Promise<DecryptedSubmission> {
  const ids = Object.keys(submission.encryptedAttachments);
  const [metadataPart, dataPart, ...attachmentParts] = await Promise.all([
    decryptSubmissionPart(submission.encryptedMetadata, privateKey),
    decryptSubmissionPart(submission.encryptedData, privateKey),
    ...ids.map((id) => decryptSubmissionPart(submission.encryptedAttachments[id]!, privateKey)),
  ]);
  const metadata = JSON.parse(new TextDecoder().decode(metadataPart!.plaintext)) as FitConnectMetadataV1;
  const attachments = ids.map((id, i) => ({
    id,
    bytes: attachmentParts[i]!.plaintext,
    mimeType: attachmentParts[i]!.cty,
  }));
  return {
    metadata,
    data: dataPart!.plaintext,
    attachments,
    hashCheck: verifyHashes(metadata, dataPart!.plaintext, attachments),
    authenticationTags: {
      metadata: authenticationTagOf(submission.encryptedMetadata),
      data: authenticationTagOf(submission.encryptedData),
      attachments: Object.fromEntries(ids.map((id) => [id, authenticationTagOf(submission.encryptedAttachments[id]!)])),
    },
  };
}
