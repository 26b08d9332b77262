import { createHmac, timingSafeEqual } from 'node:crypto';

/** FIT-Connect callbacks older than this are refused (F-09). */
export const CALLBACK_MAX_AGE_SECONDS = 300;

/** `callback-authentication`: hex HMAC-SHA512 over `"{timestamp}.{body}"` with the callback secret. */
export function signCallback(body: string, secret: string, timestamp: number): string {
  return createHmac('sha512', secret).update(`${timestamp}.${body}`).digest('hex');
}

export interface CallbackRequest {
  body: string;
  /** `callback-timestamp`: Unix seconds. */
  timestampHeader: string | undefined;
  /** `callback-authentication`: hex HMAC-SHA512. */
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
  if (!authenticationHeader || !/^[0-9a-f]{128}$/i.test(authenticationHeader)) {
    return { ok: false, reason: 'missing or malformed authentication header' };
  }
  const timestamp = Number(timestampHeader);
  const nowSeconds = Math.floor(now.getTime() / 1000);
  if (nowSeconds - timestamp > CALLBACK_MAX_AGE_SECONDS) return { ok: false, reason: 'timestamp older than 5 minutes' };
  if (timestamp - nowSeconds > futureSkewSeconds) return { ok: false, reason: 'timestamp in the future' };
  const expected = Buffer.from(signCallback(request.body, secret, timestamp), 'hex');
  const given = Buffer.from(authenticationHeader.toLowerCase(), 'hex');
  if (!timingSafeEqual(expected, given)) return { ok: false, reason: 'signature does not match' };
  return { ok: true, timestamp };
}
