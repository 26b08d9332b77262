import { describe, expect, it } from 'vitest';
import { signCallback, verifyCallback } from '../../src/modules/delivery/crypto/callback-signature.ts';

const secret = 'callback-secret-of-the-destination';
const body = JSON.stringify({
  type: 'https://schema.fitko.de/fit-connect/callbacks/new-submissions',
  submissionIds: ['a'],
});
const timestamp = 1_768_467_600; // 2026-01-15T09:00:00Z
const at = (seconds: number) => new Date((timestamp + seconds) * 1000);
const request = (overrides: Partial<Parameters<typeof verifyCallback>[0]> = {}) => ({
  body,
  timestampHeader: String(timestamp),
  authenticationHeader: signCallback(body, secret, timestamp),
  ...overrides,
});

describe('FIT-Connect-style callbacks (F-09)', () => {
  it('is hex HMAC-SHA512 over "timestamp.body"', () => {
    expect(signCallback(body, secret, timestamp)).toMatch(/^[0-9a-f]{128}$/);
    expect(verifyCallback(request(), secret, at(10))).toEqual({ ok: true, timestamp });
  });

  it('also accepts the MAC base64-encoded', () => {
    const base64 = signCallback(body, secret, timestamp, 'base64');
    expect(base64).toHaveLength(88);
    expect(verifyCallback(request({ authenticationHeader: base64 }), secret, at(10))).toEqual({ ok: true, timestamp });
    const wrong = signCallback(body, 'other', timestamp, 'base64');
    expect(verifyCallback(request({ authenticationHeader: wrong }), secret, at(10)).ok).toBe(false);
  });

  it('rejects a tampered body, a wrong secret and a shifted timestamp', () => {
    expect(verifyCallback(request({ body: body.replace('a', 'b') }), secret, at(10))).toMatchObject({ ok: false });
    expect(verifyCallback(request(), 'other-secret', at(10))).toMatchObject({
      ok: false,
      reason: 'signature does not match',
    });
    expect(verifyCallback(request({ timestampHeader: String(timestamp + 5) }), secret, at(10))).toMatchObject({
      ok: false,
    });
  });

  it('rejects a replay older than 5 minutes and a timestamp far in the future', () => {
    expect(verifyCallback(request(), secret, at(300))).toMatchObject({ ok: true });
    expect(verifyCallback(request(), secret, at(6 * 60))).toEqual({
      ok: false,
      reason: 'timestamp older than 5 minutes',
    });
    expect(verifyCallback(request(), secret, at(-120))).toEqual({ ok: false, reason: 'timestamp in the future' });
  });

  it('rejects missing or malformed headers', () => {
    expect(verifyCallback(request({ timestampHeader: undefined }), secret, at(0))).toMatchObject({ ok: false });
    expect(verifyCallback(request({ timestampHeader: '1e9' }), secret, at(0))).toMatchObject({ ok: false });
    expect(verifyCallback(request({ authenticationHeader: 'abc' }), secret, at(0))).toMatchObject({ ok: false });
  });
});
