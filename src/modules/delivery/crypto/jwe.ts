import { CompactEncrypt, compactDecrypt, importJWK, type JWK } from 'jose';
import { assertUsableEncryptionKey, type DestinationKeyCheckOptions } from './destination-key-check.ts';
import { toBytes } from './hashes.ts';

export const KEY_MANAGEMENT_ALGORITHM = 'RSA-OAEP-256';
export const CONTENT_ENCRYPTION_ALGORITHM = 'A256GCM';

/**
 * FIT-Connect keys say `key_ops: ["wrapKey"]`; WebCrypto (under jose) performs RSA-OAEP key wrapping as
 * `encrypt`/`decrypt`, so the usage restriction is checked by us and dropped for the import.
 */
function withoutKeyOps(jwk: JWK): JWK {
  const { key_ops: _keyOps, use: _use, ...rest } = jwk;
  return rest;
}

/** Content types of the parts of a submission (`cty` of the JWE). */
export type SubmissionPartContentType = 'application/json' | 'application/xml' | (string & {});

/**
 * Encrypts one submission part (metadata, data or an attachment) to a destination's public key as a compact
 * JWE `{alg: RSA-OAEP-256, enc: A256GCM, kid, cty}`. The key is checked first (F-13); nothing is encrypted
 * to a key that is not an RSA ≥ 2048 encryption key or whose certificate chain is expired or untrusted.
 */
export async function encryptForDestination(
  plaintext: Uint8Array | string,
  publicJwk: JWK,
  cty: SubmissionPartContentType,
  options: DestinationKeyCheckOptions = {},
): Promise<string> {
  assertUsableEncryptionKey(publicJwk, options);
  const key = await importJWK(withoutKeyOps(publicJwk), KEY_MANAGEMENT_ALGORITHM);
  return new CompactEncrypt(toBytes(plaintext))
    .setProtectedHeader({ alg: KEY_MANAGEMENT_ALGORITHM, enc: CONTENT_ENCRYPTION_ALGORITHM, kid: publicJwk.kid!, cty })
    .encrypt(key);
}

export interface DecryptedPart {
  plaintext: Uint8Array;
  cty: string | undefined;
  kid: string | undefined;
}

/** Decrypts a compact JWE made by {@link encryptForDestination}; only RSA-OAEP-256/A256GCM are accepted. */
export async function decryptSubmissionPart(jwe: string, privateKey: JWK | CryptoKey): Promise<DecryptedPart> {
  const key = 'kty' in privateKey ? await importJWK(withoutKeyOps(privateKey), KEY_MANAGEMENT_ALGORITHM) : privateKey;
  const { plaintext, protectedHeader } = await compactDecrypt(jwe, key, {
    keyManagementAlgorithms: [KEY_MANAGEMENT_ALGORITHM],
    contentEncryptionAlgorithms: [CONTENT_ENCRYPTION_ALGORITHM],
  });
  return { plaintext, cty: protectedHeader.cty, kid: protectedHeader.kid };
}

/** The GCM authentication tag (last segment) of a compact JWE, as listed in an accept-submission SET. */
export function authenticationTagOf(jwe: string): string {
  const parts = jwe.split('.');
  if (parts.length !== 5) throw new Error('not a compact JWE');
  return parts[4]!;
}
