import { createPublicKey, generateKeyPairSync, type KeyObject, randomBytes, sign, X509Certificate } from 'node:crypto';
import type { JWK } from 'jose';

/*
 * Just enough DER to mint X.509 v3 certificates for tests and the demo (a test CA and destination key
 * certificates with chosen validity), since node:crypto parses certificates but cannot create them.
 * Not for production PKI: real destination certificates come from the V-PKI.
 */

function length(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n]);
  const bytes: number[] = [];
  for (let rest = n; rest > 0; rest >>= 8) bytes.unshift(rest & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}
const tlv = (tag: number, ...content: Buffer[]) => {
  const body = Buffer.concat(content);
  return Buffer.concat([Buffer.from([tag]), length(body.length), body]);
};
const sequence = (...items: Buffer[]) => tlv(0x30, ...items);
const set = (...items: Buffer[]) => tlv(0x31, ...items);
const integer = (bytes: Buffer) => tlv(0x02, bytes[0]! & 0x80 ? Buffer.concat([Buffer.from([0]), bytes]) : bytes);
const utf8 = (text: string) => tlv(0x0c, Buffer.from(text, 'utf8'));
const explicit = (n: number, inner: Buffer) => tlv(0xa0 + n, inner);

function oid(dotted: string): Buffer {
  const [a = 0, b = 0, ...rest] = dotted.split('.').map(Number);
  const out = [40 * a + b];
  for (const n of rest) {
    const chunk = [n & 0x7f];
    for (let v = n >> 7; v > 0; v >>= 7) chunk.unshift((v & 0x7f) | 0x80);
    out.push(...chunk);
  }
  return tlv(0x06, Buffer.from(out));
}

function time(date: Date): Buffer {
  const iso = date.toISOString().replace(/[-:T]/g, '').slice(0, 14);
  const year = date.getUTCFullYear();
  return year < 2050 ? tlv(0x17, Buffer.from(`${iso.slice(2)}Z`)) : tlv(0x18, Buffer.from(`${iso}Z`));
}

const sha256WithRsa = sequence(oid('1.2.840.113549.1.1.11'), Buffer.from([0x05, 0x00]));
const name = (commonName: string) => sequence(set(sequence(oid('2.5.4.3'), utf8(commonName))));

function basicConstraints(isCa: boolean): Buffer {
  const value = sequence(...(isCa ? [Buffer.from([0x01, 0x01, 0xff])] : []));
  return sequence(oid('2.5.29.19'), Buffer.from([0x01, 0x01, 0xff]), tlv(0x04, value));
}

export interface TestCertificateAuthority {
  commonName: string;
  privateKey: KeyObject;
  certificate: X509Certificate;
}

export interface CertificateOptions {
  commonName: string;
  notBefore?: Date;
  notAfter?: Date;
}

function issue(
  subject: CertificateOptions,
  subjectKey: KeyObject,
  issuerName: string,
  issuerKey: KeyObject,
  isCa: boolean,
): X509Certificate {
  const notBefore = subject.notBefore ?? new Date(Date.now() - 60_000);
  const notAfter = subject.notAfter ?? new Date(Date.now() + 365 * 86_400_000);
  // DER wants the shortest encoding of a positive serial: a first byte of 0x00 followed by one below 0x80
  // is refused by OpenSSL (about one certificate in 512 failed to parse before), so it is 0x01–0x7f.
  const serial = randomBytes(12);
  serial[0] = (serial[0]! & 0x7f) | 0x01;
  const tbs = sequence(
    explicit(0, integer(Buffer.from([2]))),
    integer(serial),
    sha256WithRsa,
    name(issuerName),
    sequence(time(notBefore), time(notAfter)),
    name(subject.commonName),
    subjectKey.export({ type: 'spki', format: 'der' }),
    explicit(3, sequence(basicConstraints(isCa))),
  );
  const signature = sign('sha256', tbs, issuerKey);
  const der = sequence(tbs, sha256WithRsa, tlv(0x03, Buffer.from([0]), signature));
  return new X509Certificate(der);
}

/** A self-signed test CA (RSA 2048 unless told otherwise). */
export function createTestCertificateAuthority(
  options: CertificateOptions,
  modulusLength = 2048,
): TestCertificateAuthority {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength });
  const certificate = issue(options, publicKey, options.commonName, privateKey, true);
  return { commonName: options.commonName, privateKey, certificate };
}

/** A leaf certificate for `publicJwk`, issued by `ca`. */
export function issueTestCertificate(
  ca: TestCertificateAuthority,
  publicJwk: JWK,
  options: CertificateOptions,
): X509Certificate {
  const subjectKey = createPublicKey({ key: publicJwk as import('node:crypto').JsonWebKey, format: 'jwk' });
  return issue(options, subjectKey, ca.commonName, ca.privateKey, false);
}

/** `x5c` entries are standard base64 DER, leaf first. */
export function toX5c(...certificates: X509Certificate[]): string[] {
  return certificates.map((c) => c.raw.toString('base64'));
}
