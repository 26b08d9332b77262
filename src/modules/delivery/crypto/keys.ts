import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, type JWK } from 'jose';

export interface JwkPair {
  publicJwk: JWK;
  privateJwk: JWK;
}

export interface DestinationKeyPair {
  /** Public encryption key as a destination publishes it: `use: enc`, `key_ops: ["wrapKey"]`, alg RSA-OAEP-256. */
  encryptionPublicJwk: JWK;
  encryptionPrivateJwk: JWK;
  /** Public signing key for the destination's Security Event Tokens: `use: sig`, `key_ops: ["verify"]`, alg PS512. */
  signingPublicJwk: JWK;
  signingPrivateJwk: JWK;
}

/** An RSA-OAEP-256 encryption key pair with a fresh `kid`. */
export async function generateEncryptionKeyPair(modulusLength = 4096): Promise<JwkPair> {
  const pair = await generateKeyPair('RSA-OAEP-256', { modulusLength, extractable: true });
  const common = { kid: randomUUID(), use: 'enc', alg: 'RSA-OAEP-256' };
  return {
    publicJwk: { ...(await exportJWK(pair.publicKey)), ...common, key_ops: ['wrapKey'] },
    privateJwk: { ...(await exportJWK(pair.privateKey)), ...common, key_ops: ['unwrapKey'] },
  };
}

/** A PS512 signing key pair with a fresh `kid`. */
export async function generateSigningKeyPair(modulusLength = 4096): Promise<JwkPair> {
  const pair = await generateKeyPair('PS512', { modulusLength, extractable: true });
  const common = { kid: randomUUID(), use: 'sig', alg: 'PS512' };
  return {
    publicJwk: { ...(await exportJWK(pair.publicKey)), ...common, key_ops: ['verify'] },
    privateJwk: { ...(await exportJWK(pair.privateKey)), ...common, key_ops: ['sign'] },
  };
}

/**
 * Generates a destination's two RSA key pairs (encryption and SET signing), FIT-Connect style.
 * Production keys are 4096 bits; RSA-4096 generation takes seconds, so tests pass 2048.
 */
export async function generateDestinationKeyPair(modulusLength = 4096): Promise<DestinationKeyPair> {
  const [encryption, signing] = await Promise.all([
    generateEncryptionKeyPair(modulusLength),
    generateSigningKeyPair(modulusLength),
  ]);
  return {
    encryptionPublicJwk: encryption.publicJwk,
    encryptionPrivateJwk: encryption.privateJwk,
    signingPublicJwk: signing.publicJwk,
    signingPrivateJwk: signing.privateJwk,
  };
}
