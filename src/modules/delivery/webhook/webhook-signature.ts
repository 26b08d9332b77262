import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-sac-signature';
export const DELIVERY_ID_HEADER = 'x-sac-delivery-id';
export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';
export const DEFAULT_TOLERANCE_SECONDS = 300;

export interface WebhookSignatureInput {
  /** The exact bytes that are sent; the receiver must verify the raw body, not re-serialised JSON. */
  body: string | Uint8Array;
  secret: string;
  /** Unix seconds. */
  timestamp: number;
  deliveryId: string;
}

/** Hex HMAC-SHA256 over `"{t}.{body}"`. */
export function webhookHmac(secret: string, timestamp: number, body: string | Uint8Array): string {
  return createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest('hex');
}

/** The headers SAC sends with a webhook: `X-SAC-Signature: t=<unix>,v1=<hex>`, delivery id, idempotency key. */
export function signWebhook(input: WebhookSignatureInput): Record<string, string> {
  return {
    'X-SAC-Signature': `t=${input.timestamp},v1=${webhookHmac(input.secret, input.timestamp, input.body)}`,
    'X-SAC-Delivery-Id': input.deliveryId,
    'Idempotency-Key': input.deliveryId,
  };
}

export type WebhookHeaders = Headers | Record<string, string | string[] | undefined>;

function header(headers: WebhookHeaders, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const entry = Object.entries(headers).find(([key]) => key.toLowerCase() === name)?.[1];
  return Array.isArray(entry) ? entry[0] : entry;
}

export type WebhookCheck = { ok: true; deliveryId: string; timestamp: number } | { ok: false; reason: string };

/**
 * Receiver side: checks `X-SAC-Signature` over the raw body. Several `v1=` values are accepted (secret
 * rotation); `secret` may be a list for the same reason. Timestamps outside `toleranceSeconds` are refused
 * (replay). De-duplicating on the delivery id is left to the receiver.
 */
export function verifyWebhook(
  rawBody: string | Uint8Array,
  headers: WebhookHeaders,
  secret: string | readonly string[],
  now: Date,
  toleranceSeconds = DEFAULT_TOLERANCE_SECONDS,
): WebhookCheck {
  const signature = header(headers, SIGNATURE_HEADER);
  const deliveryId = header(headers, DELIVERY_ID_HEADER);
  if (!signature) return { ok: false, reason: 'missing X-SAC-Signature' };
  if (!deliveryId) return { ok: false, reason: 'missing X-SAC-Delivery-Id' };
  const parts = signature.split(',').map((p) => p.trim().split('='));
  const t = parts.find(([k]) => k === 't')?.[1];
  const candidates = parts.filter(([k, v]) => k === 'v1' && v && /^[0-9a-f]{64}$/.test(v)).map(([, v]) => v!);
  if (!t || !/^\d{1,12}$/.test(t) || candidates.length === 0) return { ok: false, reason: 'malformed X-SAC-Signature' };
  const timestamp = Number(t);
  if (Math.abs(Math.floor(now.getTime() / 1000) - timestamp) > toleranceSeconds) {
    return { ok: false, reason: 'timestamp outside the tolerance' };
  }
  const secrets = typeof secret === 'string' ? [secret] : secret;
  const valid = secrets.some((s) => {
    const expected = Buffer.from(webhookHmac(s, timestamp, rawBody), 'hex');
    return candidates.some((c) => timingSafeEqual(expected, Buffer.from(c, 'hex')));
  });
  return valid ? { ok: true, deliveryId, timestamp } : { ok: false, reason: 'signature does not match' };
}
