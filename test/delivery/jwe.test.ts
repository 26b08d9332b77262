import { generateKeyPairSync } from 'node:crypto';
import { decodeProtectedHeader, type JWK } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { DestinationKeyError } from '../../src/modules/delivery/crypto/destination-key-check.ts';
import { decryptSubmissionPart, encryptForDestination } from '../../src/modules/delivery/crypto/jwe.ts';
import { type DestinationKeyPair, generateDestinationKeyPair } from '../../src/modules/delivery/crypto/keys.ts';
import {
  createTestCertificateAuthority,
  issueTestCertificate,
  toX5c,
} from '../../src/modules/delivery/crypto/test-certificate-chain.ts';

let keys: DestinationKeyPair;
let otherKeys: DestinationKeyPair;
beforeAll(async () => {
  [keys, otherKeys] = await Promise.all([generateDestinationKeyPair(2048), generateDestinationKeyPair(2048)]);
});

const data = JSON.stringify({ antragsteller: { vorname: 'Erika', familienname: 'Mustermann' } });

describe('FIT-Connect-style JWE (F-13)', () => {
  it('round-trips a submission part with the destination key pair', async () => {
    const jwe = await encryptForDestination(data, keys.encryptionPublicJwk, 'application/json');
    expect(jwe.split('.')).toHaveLength(5);
    const part = await decryptSubmissionPart(jwe, keys.encryptionPrivateJwk);
    expect(new TextDecoder().decode(part.plaintext)).toBe(data);
    expect(part.cty).toBe('application/json');
  });

  it('sets alg, enc, kid and cty in the protected header', async () => {
    const jwe = await encryptForDestination(new Uint8Array([1, 2, 3]), keys.encryptionPublicJwk, 'application/pdf');
    expect(decodeProtectedHeader(jwe)).toEqual({
      alg: 'RSA-OAEP-256',
      enc: 'A256GCM',
      kid: keys.encryptionPublicJwk.kid,
      cty: 'application/pdf',
    });
  });

  it('fails to decrypt with another destination key', async () => {
    const jwe = await encryptForDestination(data, keys.encryptionPublicJwk, 'application/json');
    await expect(decryptSubmissionPart(jwe, otherKeys.encryptionPrivateJwk)).rejects.toThrow();
  });

  it.each([
    ['ciphertext', 3],
    ['authentication tag', 4],
    ['encrypted key', 1],
  ])('fails when one byte of the %s is changed', async (_part, index) => {
    const jwe = await encryptForDestination(data, keys.encryptionPublicJwk, 'application/json');
    const parts = jwe.split('.');
    const bytes = Buffer.from(parts[index]!, 'base64url');
    bytes[0]! ^= 0x01;
    parts[index] = bytes.toString('base64url');
    await expect(decryptSubmissionPart(parts.join('.'), keys.encryptionPrivateJwk)).rejects.toThrow();
  });

  it('refuses a token with another content encryption', async () => {
    const jwe = await encryptForDestination(data, keys.encryptionPublicJwk, 'application/json');
    const [, ...rest] = jwe.split('.');
    const header = Buffer.from(JSON.stringify({ alg: 'RSA-OAEP-256', enc: 'A128GCM', kid: 'x', cty: 'a/b' })).toString(
      'base64url',
    );
    await expect(decryptSubmissionPart([header, ...rest].join('.'), keys.encryptionPrivateJwk)).rejects.toThrow();
  });
});

describe('destination key checks before encrypting', () => {
  it.each([
    ['a signing key', () => keys.signingPublicJwk],
    ['a private key', () => keys.encryptionPrivateJwk],
    ['an EC key', () => ({ kty: 'EC', crv: 'P-256', x: 'a', y: 'b', kid: 'k', use: 'enc' })],
    ['a key without wrapKey', () => ({ ...keys.encryptionPublicJwk, key_ops: ['verify'] })],
    ['a key without kid', () => ({ ...keys.encryptionPublicJwk, kid: undefined })],
  ])('refuses %s', async (_label, jwk) => {
    await expect(encryptForDestination(data, jwk(), 'application/json')).rejects.toThrow(DestinationKeyError);
  });

  it('refuses a 1024-bit key', async () => {
    const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
    const jwk = { ...publicKey.export({ format: 'jwk' }), kid: 'k', use: 'enc', alg: 'RSA-OAEP-256' } as JWK;
    await expect(encryptForDestination(data, jwk, 'application/json')).rejects.toThrow(/1024 bits/);
  });
});

describe('x5c certificate chain', () => {
  const now = new Date();
  const day = 86_400_000;
  const ca = createTestCertificateAuthority({ commonName: 'SAC Test-CA' });
  const foreignCa = createTestCertificateAuthority({ commonName: 'Fremde CA' });
  const trusted = [ca.certificate.toString()];

  const withChain = (leafOptions: { notBefore?: Date; notAfter?: Date } = {}, issuer = ca) => ({
    ...keys.encryptionPublicJwk,
    x5c: toX5c(
      issueTestCertificate(issuer, keys.encryptionPublicJwk, { commonName: 'Standesamt', ...leafOptions }),
      issuer.certificate,
    ),
  });

  it('encrypts to a key whose chain leads to a trusted CA', async () => {
    const jwe = await encryptForDestination(data, withChain(), 'application/json', {
      trustedCaCertificates: trusted,
      now,
    });
    expect((await decryptSubmissionPart(jwe, keys.encryptionPrivateJwk)).cty).toBe('application/json');
  });

  it('refuses a key whose leaf certificate has expired — nothing is encrypted', async () => {
    const expired = withChain({
      notBefore: new Date(now.getTime() - 30 * day),
      notAfter: new Date(now.getTime() - day),
    });
    await expect(encryptForDestination(data, expired, 'application/json')).rejects.toThrow(/expired/);
  });

  it('refuses a chain from an untrusted CA when trust anchors are configured', async () => {
    await expect(
      encryptForDestination(data, withChain({}, foreignCa), 'application/json', { trustedCaCertificates: trusted }),
    ).rejects.toThrow(/trusted CA/);
  });

  it('refuses a key without chain when trust anchors are configured', async () => {
    await expect(
      encryptForDestination(data, keys.encryptionPublicJwk, 'application/json', { trustedCaCertificates: trusted }),
    ).rejects.toThrow(/no x5c/);
  });

  it('refuses a certificate issued for another key', async () => {
    const cert = issueTestCertificate(ca, otherKeys.encryptionPublicJwk, { commonName: 'Andere' });
    const jwk = { ...keys.encryptionPublicJwk, x5c: toX5c(cert, ca.certificate) };
    await expect(encryptForDestination(data, jwk, 'application/json')).rejects.toThrow(/different key/);
  });
});
