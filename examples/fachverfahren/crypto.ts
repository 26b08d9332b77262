// Crypto of the demo Fachverfahren, with `jose` only (as a third-party vendor would write it).
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { compactDecrypt, exportJWK, generateKeyPair, importJWK, type JWK, SignJWT } from 'jose';

export interface KeySet {
  encryptionPublic: JWK;
  encryptionPrivate: JWK;
  signingPublic: JWK;
  signingPrivate: JWK;
}

/** Loads the key pairs from `file`, or generates them on first start (RSA, `bits`) and keeps them (0600). */
export async function loadOrCreateKeys(file: string, bits: number): Promise<KeySet> {
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as KeySet;
  const [enc, sig] = await Promise.all([
    generateKeyPair('RSA-OAEP-256', { modulusLength: bits, extractable: true }),
    generateKeyPair('PS512', { modulusLength: bits, extractable: true }),
  ]);
  const encCommon = { kid: `enc-${randomUUID()}`, alg: 'RSA-OAEP-256', use: 'enc' };
  const sigCommon = { kid: `sig-${randomUUID()}`, alg: 'PS512', use: 'sig' };
  const keys: KeySet = {
    encryptionPublic: { ...(await exportJWK(enc.publicKey)), ...encCommon, key_ops: ['wrapKey'] },
    encryptionPrivate: { ...(await exportJWK(enc.privateKey)), ...encCommon },
    signingPublic: { ...(await exportJWK(sig.publicKey)), ...sigCommon, key_ops: ['verify'] },
    signingPrivate: { ...(await exportJWK(sig.privateKey)), ...sigCommon },
  };
  writeFileSync(file, JSON.stringify(keys), { mode: 0o600 });
  return keys;
}

/** Decrypts one compact JWE (RSA-OAEP-256 / A256GCM only). */
export async function decrypt(jwe: string, privateJwk: JWK): Promise<{ bytes: Uint8Array; cty: string | undefined }> {
  const { use: _u, key_ops: _k, ...jwk } = privateJwk;
  const key = await importJWK(jwk, 'RSA-OAEP-256');
  const { plaintext, protectedHeader } = await compactDecrypt(jwe, key, {
    keyManagementAlgorithms: ['RSA-OAEP-256'],
    contentEncryptionAlgorithms: ['A256GCM'],
  });
  return { bytes: plaintext, cty: protectedHeader.cty };
}

export const sha512 = (bytes: Uint8Array) => createHash('sha512').update(bytes).digest('hex');
export const tagOf = (jwe: string) => jwe.split('.')[4] ?? '';

/** Signs an accept- or reject-submission Security Event Token (PS512) as this destination. */
export async function signSet(
  keys: KeySet,
  claims: {
    destinationId: string;
    submissionId: string;
    caseId: string;
    event: 'accept-submission' | 'reject-submission';
    body: object;
  },
): Promise<string> {
  const { use: _u, key_ops: _k, ...jwk } = keys.signingPrivate;
  return new SignJWT({
    txn: `case:${claims.caseId}`,
    events: { [`https://schema.fitko.de/fit-connect/events/${claims.event}`]: claims.body },
  })
    .setProtectedHeader({ typ: 'secevent+jwt', alg: 'PS512', kid: keys.signingPrivate.kid! })
    .setIssuer(claims.destinationId)
    .setSubject(`submission:${claims.submissionId}`)
    .setIssuedAt()
    .setJti(randomUUID())
    .sign(await importJWK(jwk, 'PS512'));
}
