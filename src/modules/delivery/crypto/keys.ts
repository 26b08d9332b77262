import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, type JWK } from 'jose';

export interface DestinationKeyPair {
  /** Public encryption key as a destination publishes it: `use: enc`, `key_ops: ["wrapKey"]`, alg RSA-OAEP-256. */
  encryptionPublicJwk: JWK;
  encryptionPrivateJwk: JWK;
  /** Public signing key for the destination's Security Event Tokens: `use: sig`, `key_ops: ["verify"]`, alg PS512. */
  signingPublicJwk: JWK;
  signingPrivateJwk: JWK;
}

/**
 * Generates a destination's two RSA key pairs (encryption and SET signing), FIT-Connect style.
 * Production keys are 4096 bits; RSA-4096 generation takes seconds, so tests pass 2048.
 */
export async function generateDestinationKeyPair(modulusLength = 4096): Promise<DestinationKeyPair> {
  const enc = await generateKeyPair('RSA-OAEP-256', { modulusLength, extractable: true });
  const sig = await generateKeyPair('PS512', { modulusLength, extractable: true });
  const encKid = randomUUID();
  const sigKid = randomUUID();
  const encPublic = await exportJWK(enc.publicKey);
  const sigPublic = await exportJWK(sig.publicKey);
  return {
    encryptionPublicJwk: { ...encPublic, kid: encKid, use: 'enc', key_ops: ['wrapKey'], alg: 'RSA-OAEP-256' },
    encryptionPrivateJwk: {
      ...(await exportJWK(enc.privateKey)),
      kid: encKid,
      use: 'enc',
      key_ops: ['unwrapKey'],
      alg: 'RSA-OAEP-256',
    },
    signingPublicJwk: { ...sigPublic, kid: sigKid, use: 'sig', key_ops: ['verify'], alg: 'PS512' },
    signingPrivateJwk: {
      ...(await exportJWK(sig.privateKey)),
      kid: sigKid,
      use: 'sig',
      key_ops: ['sign'],
      alg: 'PS512',
    },
  };
}
