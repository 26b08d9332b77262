import { createHmac, timingSafeEqual } from 'node:crypto';
import { NotificationRejected } from './provider.ts';

export const SIGNATURE_HEADER = 'x-payment-signature';
export const TIMESTAMP_HEADER = 'x-payment-timestamp';
/** Notifications older or newer than this (seconds) are refused: a captured one cannot be replayed later. */
export const NOTIFICATION_WINDOW_SECONDS = 300;

function mac(secret: string, timestamp: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

/** Headers for a notification: `X-Payment-Timestamp` (Unix seconds) and `X-Payment-Signature: sha256=<hex>`. */
export function signNotification(secret: string, body: string, now: Date): Record<string, string> {
  const timestamp = Math.floor(now.getTime() / 1000);
  return { [TIMESTAMP_HEADER]: String(timestamp), [SIGNATURE_HEADER]: `sha256=${mac(secret, timestamp, body)}` };
}

const header = (headers: Record<string, string | string[] | undefined>, name: string) => {
  const v = headers[name];
  return typeof v === 'string' ? v : undefined;
};

/**
 * Checks a notification's HMAC (constant-time) over `timestamp.body` and the timestamp window. Throws
 * NotificationRejected('signature') for a missing or wrong signature, ('timestamp') outside the window.
 */
export function verifyNotificationSignature(
  secret: string,
  input: { headers: Record<string, string | string[] | undefined>; rawBody: string; now: Date },
): void {
  const ts = header(input.headers, TIMESTAMP_HEADER);
  const sig = header(input.headers, SIGNATURE_HEADER);
  if (!ts || !sig || !/^\d{1,12}$/.test(ts) || !sig.startsWith('sha256=')) throw new NotificationRejected('signature');
  const expected = Buffer.from(mac(secret, Number(ts), input.rawBody), 'hex');
  const given = Buffer.from(sig.slice(7), 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    throw new NotificationRejected('signature');
  if (Math.abs(input.now.getTime() / 1000 - Number(ts)) > NOTIFICATION_WINDOW_SECONDS)
    throw new NotificationRejected('timestamp');
}
