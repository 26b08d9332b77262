import { decodeProtectedHeader } from 'jose';
import { CONTENT_ENCRYPTION_ALGORITHM, KEY_MANAGEMENT_ALGORITHM } from '../crypto/jwe.ts';

/** Largest single encrypted part SAC stores (metadata, data or one attachment), as compact JWE text. */
export const MAX_PART_CHARS = 15 * 1024 * 1024;

export class InvalidPartError extends Error {
  override name = 'InvalidPartError';
}

/**
 * Checks that an uploaded part is a compact JWE SAC can hand on: five segments, `alg: RSA-OAEP-256`,
 * `enc: A256GCM`, a `cty` (FIT-Connect answers 422 without it) and the destination's current `kid`.
 * SAC cannot decrypt it (it does not hold the private key) — that is the point.
 */
export function assertEncryptedPart(jwe: unknown, encryptionKid: string | undefined, name: string): string {
  if (typeof jwe !== 'string' || jwe.length === 0) throw new InvalidPartError(`${name}: a compact JWE is required`);
  if (jwe.length > MAX_PART_CHARS) throw new InvalidPartError(`${name}: larger than ${MAX_PART_CHARS} characters`);
  const segments = jwe.split('.');
  if (segments.length !== 5 || [0, 1, 2, 4].some((i) => segments[i]!.length === 0)) {
    throw new InvalidPartError(`${name}: not a compact JWE (five segments)`);
  }
  if (!segments.every((s) => /^[A-Za-z0-9_-]*$/.test(s))) throw new InvalidPartError(`${name}: not base64url`);
  let header: ReturnType<typeof decodeProtectedHeader>;
  try {
    header = decodeProtectedHeader(jwe);
  } catch {
    throw new InvalidPartError(`${name}: the protected header cannot be read`);
  }
  if (header.alg !== KEY_MANAGEMENT_ALGORITHM)
    throw new InvalidPartError(`${name}: alg must be ${KEY_MANAGEMENT_ALGORITHM}`);
  if (header.enc !== CONTENT_ENCRYPTION_ALGORITHM) {
    throw new InvalidPartError(`${name}: enc must be ${CONTENT_ENCRYPTION_ALGORITHM}`);
  }
  if (typeof header.cty !== 'string' || header.cty.length === 0) throw new InvalidPartError(`${name}: cty is missing`);
  if (encryptionKid && header.kid !== encryptionKid) {
    throw new InvalidPartError(`${name}: encrypted to kid ${String(header.kid)}, not the destination's key`);
  }
  return jwe;
}
