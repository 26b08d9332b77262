import { createPublicKey, type JsonWebKey, randomUUID } from 'node:crypto';
import type { JWK } from 'jose';
import type { DataCipher } from '../../../platform/crypto/data-cipher.ts';
import type { Executor } from '../../../platform/db/scope.ts';
import { scoped } from '../../../platform/db/scope.ts';
import { assertUsableEncryptionKey, DestinationKeyError } from '../crypto/destination-key-check.ts';

/** A destination (Zustellpunkt) as the API and the connector see it, keys parsed. */
export interface Destination {
  id: string;
  tenantId: string;
  name: string;
  encryptionKey: JWK | null;
  signingKey: JWK | null;
  callbackUrl: string | null;
  /** Decrypted; only for sending callbacks. */
  callbackSecret: string | null;
  /** `active` once both public keys are registered; SAC encrypts to nothing before. */
  status: 'active' | 'created';
}

export async function createDestination(
  db: Executor,
  input: { tenantId: string; name: string; now: Date; id?: string },
): Promise<string> {
  const id = input.id ?? randomUUID();
  await scoped(db, input.tenantId)
    .insertInto('fit_destinations', {
      id,
      name: input.name,
      encryption_jwk: null,
      signing_jwk: null,
      callback_url: null,
      callback_secret: null,
      created_at: input.now,
      updated_at: input.now,
      keys_registered_at: null,
    })
    .execute();
  return id;
}

export async function findDestination(
  db: Executor,
  cipher: DataCipher,
  tenantId: string,
  id: string,
): Promise<Destination | undefined> {
  const row = await scoped(db, tenantId)
    .selectFrom('fit_destinations')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  const encryptionKey = row.encryption_jwk ? (JSON.parse(row.encryption_jwk) as JWK) : null;
  const signingKey = row.signing_jwk ? (JSON.parse(row.signing_jwk) as JWK) : null;
  return {
    id: row.id,
    tenantId: row.tenant_id,
    name: row.name,
    encryptionKey,
    signingKey,
    callbackUrl: row.callback_url,
    callbackSecret: row.callback_secret ? cipher.decrypt(row.callback_secret, row.id) : null,
    status: encryptionKey && signingKey ? 'active' : 'created',
  };
}

/**
 * Refuses a SET verification key SAC must not trust: not a public RSA key of ≥ 2048 bits, not for PS512
 * signatures (`alg`, `use`, `key_ops`), or without `kid`.
 */
export function assertUsableSigningKey(jwk: JWK): void {
  if (jwk.kty !== 'RSA' || !jwk.n || !jwk.e) throw new DestinationKeyError('not an RSA key');
  if (jwk.d) throw new DestinationKeyError('a private key was given where the public key is expected');
  if (jwk.alg !== undefined && jwk.alg !== 'PS512') throw new DestinationKeyError(`key alg ${jwk.alg} is not PS512`);
  if (jwk.use !== undefined && jwk.use !== 'sig') throw new DestinationKeyError(`key use "${jwk.use}" is not "sig"`);
  if (jwk.key_ops !== undefined && !jwk.key_ops.includes('verify')) {
    throw new DestinationKeyError('key_ops does not include "verify"');
  }
  if (!jwk.kid) throw new DestinationKeyError('key has no kid');
  let bits: number | undefined;
  try {
    bits = createPublicKey({ key: jwk as JsonWebKey, format: 'jwk' }).asymmetricKeyDetails?.modulusLength;
  } catch {
    throw new DestinationKeyError('key cannot be read');
  }
  if (!bits || bits < 2048) throw new DestinationKeyError(`key has ${bits ?? 0} bits, at least 2048 are required`);
}

/** Only the public members of an RSA JWK (what SAC stores and publishes). */
function publicPart(jwk: JWK): JWK {
  const { kty, n, e, kid, alg, use, key_ops, x5c } = jwk;
  return Object.fromEntries(
    Object.entries({ kty, n, e, kid, alg, use, key_ops, x5c }).filter(([, v]) => v !== undefined),
  ) as JWK;
}

/** Registers (or rotates) the subscriber's public keys after checking both (F-13). Throws DestinationKeyError. */
export async function registerDestinationKeys(
  db: Executor,
  input: { tenantId: string; destinationId: string; encryptionKey: JWK; signingKey: JWK; now: Date },
): Promise<void> {
  assertUsableEncryptionKey(input.encryptionKey, { now: input.now });
  assertUsableSigningKey(input.signingKey);
  if (input.encryptionKey.kid === input.signingKey.kid) {
    throw new DestinationKeyError('encryption and signing key must have different kids');
  }
  await scoped(db, input.tenantId)
    .updateTable('fit_destinations')
    .set({
      encryption_jwk: JSON.stringify(publicPart(input.encryptionKey)),
      signing_jwk: JSON.stringify(publicPart(input.signingKey)),
      updated_at: input.now,
      keys_registered_at: input.now,
    })
    .where('id', '=', input.destinationId)
    .execute();
}

export async function setDestinationCallback(
  db: Executor,
  cipher: DataCipher,
  input: { tenantId: string; destinationId: string; url: string | null; secret: string | null; now: Date },
): Promise<void> {
  await scoped(db, input.tenantId)
    .updateTable('fit_destinations')
    .set({
      callback_url: input.url,
      callback_secret: input.url && input.secret ? cipher.encrypt(input.secret, input.destinationId) : null,
      updated_at: input.now,
    })
    .where('id', '=', input.destinationId)
    .execute();
}
