import { OutboundUrlRefusedError } from '../../../platform/net/guarded-fetch.ts';

/** What a delivery attempt means for the outbox: done, give up now (F-06), or try again later (F-05). */
export type DeliveryOutcome = 'delivered' | 'permanent' | 'retryable';

const retryableClientStatuses = new Set([408, 425, 429]);

/** Network error codes (from fetch's `cause`) that are transient by nature. */
const transientCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_SOCKET',
]);

function errorCode(error: unknown): string | undefined {
  const cause = (error as { cause?: { code?: unknown } })?.cause;
  const code = (error as { code?: unknown })?.code ?? cause?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * Classifies an HTTP status or a thrown error: 2xx delivered; 3xx permanent (redirects are never
 * followed); 4xx permanent except 408/425/429; 5xx retryable; timeouts and connection errors retryable;
 * a target refused by the SSRF guard permanent (it needs an operator, not another attempt).
 */
export function classifyResponse(result: number | unknown): DeliveryOutcome {
  if (typeof result === 'number') {
    if (result >= 200 && result < 300) return 'delivered';
    if (result >= 500) return 'retryable';
    if (retryableClientStatuses.has(result)) return 'retryable';
    return 'permanent';
  }
  if (result instanceof OutboundUrlRefusedError) return result.code === 'unresolvable' ? 'retryable' : 'permanent';
  const name = (result as { name?: unknown })?.name;
  if (name === 'TimeoutError' || name === 'AbortError') return 'retryable';
  const code = errorCode(result);
  if (code && transientCodes.has(code)) return 'retryable';
  // Unknown failures (TLS handshake, protocol errors) are retried: the backoff limit ends them, while
  // marking them permanent would lose deliveries to a receiver that was briefly misconfigured.
  return 'retryable';
}
