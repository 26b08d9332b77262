import { describe, expect, it } from 'vitest';
import {
  base32Decode,
  base32Encode,
  hotp,
  newTotpSecret,
  otpauthUri,
  totpCode,
  verifyTotp,
} from '../../src/modules/staff/totp.ts';

// RFC 6238 Appendix B, SHA-1 column: secret "12345678901234567890", 8 digits.
const rfcSecret = base32Encode(Buffer.from('12345678901234567890', 'ascii'));
const rfcVectors: Array<[number, string]> = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
  [20000000000, '65353130'],
];

describe('TOTP (RFC 6238, SHA-1)', () => {
  it.each(rfcVectors)('at %i s the 8-digit code is %s', (seconds, code) => {
    expect(totpCode(rfcSecret, new Date(seconds * 1000), 8)).toBe(code);
  });

  it('6-digit codes are the last six digits of the RFC vectors', () => {
    for (const [seconds, code] of rfcVectors) expect(totpCode(rfcSecret, new Date(seconds * 1000))).toBe(code.slice(2));
  });

  it('HOTP matches RFC 4226 Appendix D', () => {
    const key = Buffer.from('12345678901234567890', 'ascii');
    expect([0, 1, 2, 9].map((c) => hotp(key, c))).toEqual(['755224', '287082', '359152', '520489']);
  });

  it('accepts the previous and next step, not two steps away, and returns the step', () => {
    const at = new Date(1111111111 * 1000);
    const step = Math.floor(1111111111 / 30);
    expect(verifyTotp(rfcSecret, totpCode(rfcSecret, at), at)).toBe(step);
    expect(verifyTotp(rfcSecret, totpCode(rfcSecret, new Date(at.getTime() - 30_000)), at)).toBe(step - 1);
    expect(verifyTotp(rfcSecret, totpCode(rfcSecret, new Date(at.getTime() + 30_000)), at)).toBe(step + 1);
    expect(verifyTotp(rfcSecret, totpCode(rfcSecret, new Date(at.getTime() - 60_000)), at)).toBeNull();
  });

  it('refuses malformed codes', () => {
    const at = new Date();
    for (const bad of ['', '12345', '1234567', 'abcdef', '12 34 5x']) expect(verifyTotp(rfcSecret, bad, at)).toBeNull();
  });

  it('base32 round-trips and new secrets carry 160 bits', () => {
    const bytes = Buffer.from([0, 1, 2, 250, 251, 252, 253, 254, 255, 17]);
    expect(base32Decode(base32Encode(bytes))).toEqual(bytes);
    expect(base32Encode(Buffer.from('foobar'))).toBe('MZXW6YTBOI');
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(base32Decode(secret)).toHaveLength(20);
  });

  it('builds an otpauth URI apps understand', () => {
    const uri = otpauthUri('JBSWY3DPEHPK3PXP', 'a.b@magdeburg.demo');
    expect(uri).toBe(
      'otpauth://totp/SAC%20Backoffice:a.b%40magdeburg.demo?secret=JBSWY3DPEHPK3PXP&issuer=SAC+Backoffice&algorithm=SHA1&digits=6&period=30',
    );
  });
});
