import { createHmac, timingSafeEqual } from 'node:crypto';

/** FIT-Connect callbacks older than this are refused (F-09). */
export const CALLBACK_MAX_AGE_SECONDS = 300;

/**
 * `callback-authentication`: HMAC-SHA512 over `"{timestamp}.{body}"` with the callback secret, hex by default.
 * The research could not confirm FIT-Connect's encoding (hex or base64), so both can be produced and
 * {@link verifyCallback} accepts both — the same 64-byte MAC either way, so nothing is weakened.
 */
export function signCallback(
  body: string,
  secret: string,
  timestamp: number,
  encoding: 'hex' | 'base64' = 'hex',
): string {
  return createHmac('sha512', secret).update(`${timestamp}.${body}`).digest(encoding);
}

function decodeMac(header: string): Buffer | null {
  if (/^[0-9a-f]{128}$/i.test(header)) return Buffer.from(header, 'hex');
  if (/^[A-Za-z0-9+/]{86}==$/.test(header)) return Buffer.from(header, 'base64');
  return null;
}

export interface CallbackRequest {
  body: string;
  /** `callback-timestamp`: Unix seconds. */
  timestampHeader: string | undefined;
  /** `callback-authentication`: HMAC-SHA512, hex or base64. */
  authenticationHeader: string | undefined;
}

export type CallbackCheck = { ok: true; timestamp: number } | { ok: false; reason: string };

/**
 * Verifies a FIT-Connect-style callback: well-formed headers, a timestamp no older than 5 minutes and no
 * further in the future than `futureSkewSeconds`, and the HMAC compared in constant time.
 */
export function verifyCallback(
  request: CallbackRequest,
  secret: string,
  now: Date,
  futureSkewSeconds = 30,
): CallbackCheck {
  const { timestampHeader, authenticationHeader } = request;
  if (!timestampHeader || !/^\d{1,12}$/.test(timestampHeader))
    return { ok: false, reason: 'missing or malformed timestamp' };
  const given = authenticationHeader ? decodeMac(authenticationHeader) : null;
  if (!given) return { ok: false, reason: 'missing or malformed authentication header' };
  const timestamp = Number(timestampHeader);
  const nowSeconds = Math.floor(now.getTime() / 1000);
  if (nowSeconds - timestamp > CALLBACK_MAX_AGE_SECONDS) return { ok: false, reason: 'timestamp older than 5 minutes' };
  if (timestamp - nowSeconds > futureSkewSeconds) return { ok: false, reason: 'timestamp in the future' };
  const expected = createHmac('sha512', secret).update(`${timestamp}.${request.body}`).digest();
  if (!timingSafeEqual(expected, given)) return { ok: false, reason: 'signature does not match' };
  return { ok: true, timestamp };
}
