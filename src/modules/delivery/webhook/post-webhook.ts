import type { OutboundUrlOptions } from '../../../platform/net/check-outbound-url.ts';
import { guardedFetch } from '../../../platform/net/guarded-fetch.ts';
import { classifyResponse, type DeliveryOutcome } from './classify-response.ts';
import type { SubmissionEnvelopeV1 } from './envelope.ts';
import { signWebhook } from './webhook-signature.ts';

export interface PostWebhookOptions extends OutboundUrlOptions {
  secret: string;
  /** Defaults to 10 s, covering connect, headers and the (truncated) response body. */
  timeoutMs?: number;
  /** Injected for tests; the signature timestamp. */
  now?: () => Date;
  fetch?: typeof fetch;
  /** Aborts the call early (the worker lost its lease or is stopping); combined with the timeout. */
  signal?: AbortSignal;
}

export interface WebhookAttempt {
  outcome: DeliveryOutcome;
  status?: number;
  /** Plain-language reason for operators; never contains the submission data. */
  reason: string;
  /** First 500 characters of the receiver's answer, for diagnosing a rejection. */
  responseExcerpt?: string;
  durationMs: number;
}

const EXCERPT_LENGTH = 500;

/** Reads only the start of the answer, so a receiver cannot make SAC buffer a huge body. */
async function readExcerpt(response: Response): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  while (text.length < EXCERPT_LENGTH) {
    const { done, value } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
  }
  await reader.cancel().catch(() => {});
  return text.slice(0, EXCERPT_LENGTH);
}

/**
 * POSTs a signed envelope to a receiver, through the SSRF guard (re-checked now, at call time), with a
 * timeout and without following redirects. Never throws for delivery failures: the result says whether
 * the outbox should mark the delivery delivered, failed for good, or retry it later.
 */
export async function postWebhook(
  url: string,
  envelope: SubmissionEnvelopeV1,
  options: PostWebhookOptions,
): Promise<WebhookAttempt> {
  const started = performance.now();
  const body = JSON.stringify(envelope);
  const timestamp = Math.floor((options.now?.() ?? new Date()).getTime() / 1000);
  const headers = {
    'Content-Type': 'application/json; charset=utf-8',
    'User-Agent': 'SAC-Webhook/1',
    ...signWebhook({ body, secret: options.secret, timestamp, deliveryId: envelope.metadata.deliveryId }),
  };
  const elapsed = () => Math.round(performance.now() - started);
  try {
    const timeout = AbortSignal.timeout(options.timeoutMs ?? 10_000);
    const signal = options.signal ? AbortSignal.any([timeout, options.signal]) : timeout;
    const response = await guardedFetch(url, { method: 'POST', headers, body, signal }, options);
    const responseExcerpt = await readExcerpt(response);
    const { status } = response;
    const outcome = classifyResponse(status);
    let reason = `HTTP ${status}`;
    if (status >= 300 && status < 400) {
      reason = `HTTP ${status}: the receiver redirects (to ${response.headers.get('location') ?? 'nowhere'}); redirects are not followed — configure the final URL`;
    }
    return { outcome, status, reason, responseExcerpt, durationMs: elapsed() };
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const reason = [(error as Error).message, cause?.code ?? cause?.message].filter(Boolean).join(': ');
    return { outcome: classifyResponse(error), reason, durationMs: elapsed() };
  }
}
