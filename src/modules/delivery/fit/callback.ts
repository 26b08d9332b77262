import type { Logger } from 'pino';
import { guardedFetch } from '../../../platform/net/guarded-fetch.ts';
import { signCallback } from '../crypto/callback-signature.ts';
import type { OutboundPolicy } from '../webhook/webhook-connector.ts';
import type { Destination } from './destinations.ts';

export const NEW_SUBMISSIONS_CALLBACK = 'https://schema.fitko.de/fit-connect/callbacks/new-submissions';

/**
 * Announces new submissions to the destination's callback URL (if one is set), FIT-Connect style:
 * `callback-authentication` = HMAC-SHA512 (hex) over `"{timestamp}.{body}"`, `callback-timestamp` in Unix
 * seconds. Best effort: the submission is stored either way and the subscriber also polls, so a failing
 * callback is logged (without content) and never fails the delivery. SSRF-checked at call time.
 */
export async function announceNewSubmissions(
  destination: Destination,
  submissionIds: string[],
  options: { policy: OutboundPolicy; now: Date; log: Logger; timeoutMs?: number; fetch?: typeof fetch },
): Promise<boolean> {
  if (!destination.callbackUrl || !destination.callbackSecret) return false;
  const body = JSON.stringify({ type: NEW_SUBMISSIONS_CALLBACK, submissionIds });
  const timestamp = Math.floor(options.now.getTime() / 1000);
  try {
    const response = await guardedFetch(
      destination.callbackUrl,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'callback-timestamp': String(timestamp),
          'callback-authentication': signCallback(body, destination.callbackSecret, timestamp),
        },
        body,
        signal: AbortSignal.timeout(options.timeoutMs ?? 5_000),
      },
      { ...options.policy, ...(options.fetch ? { fetch: options.fetch } : {}) },
    );
    await response.body?.cancel().catch(() => {});
    if (response.ok) return true;
    options.log.warn({ destinationId: destination.id, status: response.status }, 'fit callback refused');
  } catch (error) {
    options.log.warn(
      { destinationId: destination.id, err: { message: (error as Error).message } },
      'fit callback failed',
    );
  }
  return false;
}
