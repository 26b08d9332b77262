import { createPublicKey, type JsonWebKey, X509Certificate } from 'node:crypto';
import type { JWK } from 'jose';

export interface DestinationKeyCheckOptions {
  /** Trust anchors (PEM or DER) the key's `x5c` chain must lead to. Given → a chain is required. */
  trustedCaCertificates?: readonly (string | Uint8Array)[];
  now?: Date;
}

export class DestinationKeyError extends Error {
  override name = 'DestinationKeyError';
}

function modulusBits(n: string): number {
  const bytes = Buffer.from(n, 'base64url');
  let start = 0;
  while (start < bytes.length && bytes[start] === 0) start++;
  const first = bytes[start] ?? 0;
  return (bytes.length - start - 1) * 8 + (first === 0 ? 0 : Math.floor(Math.log2(first)) + 1);
}

function assertValidAt(cert: X509Certificate, now: Date, role: string): void {
  if (now < new Date(cert.validFrom))
    throw new DestinationKeyError(`${role} certificate is not valid before ${cert.validFrom}`);
  if (now > new Date(cert.validTo)) throw new DestinationKeyError(`${role} certificate expired on ${cert.validTo}`);
}

function assertChain(x5c: readonly string[], jwk: JWK, options: DestinationKeyCheckOptions): void {
  const now = options.now ?? new Date();
  const chain = x5c.map((entry) => new X509Certificate(Buffer.from(entry, 'base64')));
  const leaf = chain[0]!;
  const leafKey = leaf.publicKey.export({ format: 'jwk' });
  if (leafKey.n !== jwk.n || leafKey.e !== jwk.e)
    throw new DestinationKeyError('x5c leaf certificate is for a different key');
  for (const [i, cert] of chain.entries()) assertValidAt(cert, now, i === 0 ? 'leaf' : `chain[${i}]`);
  for (let i = 0; i + 1 < chain.length; i++) {
    const [child, parent] = [chain[i]!, chain[i + 1]!];
    if (!parent.ca || !child.checkIssued(parent) || !child.verify(parent.publicKey)) {
      throw new DestinationKeyError(`x5c chain is broken between entries ${i} and ${i + 1}`);
    }
  }
  if (!options.trustedCaCertificates) return;
  const anchors = options.trustedCaCertificates.map((c) => new X509Certificate(c));
  const top = chain[chain.length - 1]!;
  const trusted = anchors.some(
    (anchor) =>
      anchor.fingerprint256 === top.fingerprint256 ||
      (anchor.ca && top.checkIssued(anchor) && top.verify(anchor.publicKey) && now <= new Date(anchor.validTo)),
  );
  if (!trusted) throw new DestinationKeyError('x5c chain does not lead to a trusted CA');
}

/**
 * Refuses a destination key SAC must not encrypt to (F-13): not a public RSA key, not meant for
 * encryption (`use`/`key_ops`/`alg`), shorter than 2048 bits, or with an `x5c` chain that is expired,
 * broken, or — when trust anchors are given — not anchored. Revocation (OCSP/CRL) is not checked.
 */
export function assertUsableEncryptionKey(jwk: JWK, options: DestinationKeyCheckOptions = {}): void {
  if (jwk.kty !== 'RSA' || !jwk.n || !jwk.e) throw new DestinationKeyError('not an RSA key');
  if (jwk.d) throw new DestinationKeyError('a private key was given where the public key is expected');
  if (jwk.alg !== undefined && jwk.alg !== 'RSA-OAEP-256')
    throw new DestinationKeyError(`key alg ${jwk.alg} is not RSA-OAEP-256`);
  if (jwk.use !== undefined && jwk.use !== 'enc') throw new DestinationKeyError(`key use "${jwk.use}" is not "enc"`);
  if (jwk.key_ops !== undefined && !jwk.key_ops.includes('wrapKey')) {
    throw new DestinationKeyError('key_ops does not include "wrapKey"');
  }
  if (jwk.use === undefined && jwk.key_ops === undefined)
    throw new DestinationKeyError('key declares neither use nor key_ops');
  if (!jwk.kid) throw new DestinationKeyError('key has no kid');
  const bits = modulusBits(jwk.n);
  if (bits < 2048) throw new DestinationKeyError(`key has ${bits} bits, at least 2048 are required`);
  createPublicKey({ key: jwk as JsonWebKey, format: 'jwk' });
  if (jwk.x5c?.length) assertChain(jwk.x5c, jwk, options);
  else if (options.trustedCaCertificates) throw new DestinationKeyError('key has no x5c certificate chain');
}
