import { z } from 'zod';
import { checkOutboundUrl, type OutboundUrlOptions } from '../../../platform/net/check-outbound-url.ts';
import type { ConfigCheck } from '../../../platform/plugins/registry.ts';
import type { Connector, DeliveryPayload, DeliveryReceipt } from '../connector.ts';
import { DeliveryAttemptError } from '../outbox/delivery-error.ts';
import { classifyResponse } from './classify-response.ts';
import { ENVELOPE_FORMAT_V1, type SubmissionEnvelopeV1 } from './envelope.ts';
import { postWebhook, type WebhookAttempt } from './post-webhook.ts';

/** Options of one webhook delivery route, as an operator saves them. */
export const webhookOptionsSchema = z.object({
  url: z.url(),
  /** Shared HMAC secret; at least 32 characters so it cannot be guessed. */
  secret: z.string().min(32, 'muss mindestens 32 Zeichen lang sein'),
  timeoutMs: z.number().int().min(1_000).max(60_000).default(10_000),
});
export type WebhookOptions = z.infer<typeof webhookOptionsSchema>;

/** The operator's outbound network policy (allow-listed internal hosts, plain http), not per route. */
export type OutboundPolicy = Pick<OutboundUrlOptions, 'allowHosts' | 'allowHttp' | 'resolve'>;

export interface WebhookConnector extends Connector<WebhookOptions> {
  readonly formatVersion: typeof ENVELOPE_FORMAT_V1;
  /** For the outbox: may a delivery that failed with `error` be tried again? */
  isRetryable(error: unknown): boolean;
  send(envelope: SubmissionEnvelopeV1, options: WebhookOptions, signal?: AbortSignal): Promise<WebhookAttempt>;
  /** "Verbindung testen": a signed `sac.ping.v1` POST; any HTTP answer proves the target is reachable. */
  testConnection(options: WebhookOptions): Promise<ConfigCheck>;
}

/** Turns a failed attempt into the error the outbox records: reason plus the receiver's excerpt, no data. */
/** Keys of a receiver's JSON error answer that name *what* was wrong (codes, paths), not the submitted values. */
const SAFE_ANSWER_KEYS = new Set(['error', 'code', 'type', 'title', 'path', 'pointer', 'field', 'name', 'reason']);
/** A value worth keeping: short, no '@', no run of three digits (dates, phone numbers, ids of people). */
const SAFE_ANSWER_VALUE = /^[\p{L}\w/.#:[\]\- ]{1,80}$/u;

/**
 * What of a receiver's error answer may be stored with the delivery and shown to operators (F-06: the
 * reason, never personal data — a receiver may echo submitted values). JSON answers keep the values of
 * well-known error keys (also inside `errors` / `invalid-params` lists) that look like codes or field
 * paths; anything else is reduced to its length.
 */
export function safeAnswerSummary(excerpt: string | undefined): string | undefined {
  const text = excerpt?.trim();
  if (!text) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return `${text.length} Zeichen Text (nicht gespeichert)`;
  }
  const kept: string[] = [];
  const visit = (value: unknown, depth: number) => {
    if (depth > 2 || kept.length >= 6 || !value || typeof value !== 'object') return;
    for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
      if (Array.isArray(v) && (key === 'errors' || key === 'invalid-params'))
        for (const item of v) visit(item, depth + 1);
      else if (typeof v === 'string' && SAFE_ANSWER_KEYS.has(key) && SAFE_ANSWER_VALUE.test(v) && !/\d{3}|@/.test(v)) {
        kept.push(`${key}=${v}`);
      }
    }
  };
  visit(parsed, 0);
  return kept.length > 0 ? kept.join(', ') : 'JSON ohne lesbaren Grund (nicht gespeichert)';
}

function attemptError(attempt: WebhookAttempt): DeliveryAttemptError {
  const summary = safeAnswerSummary(attempt.responseExcerpt);
  const reason = summary ? `${attempt.reason} – Antwort: ${summary}` : attempt.reason;
  return new DeliveryAttemptError(reason, attempt.outcome === 'retryable');
}

/**
 * The signed HTTP webhook connector. `checkConfig` is the save-time SSRF check; `send` checks again at
 * call time (inside {@link postWebhook}).
 */
export function createWebhookConnector(
  policy: OutboundPolicy = {},
  clock: { now(): Date } = { now: () => new Date() },
): WebhookConnector {
  const send = (envelope: SubmissionEnvelopeV1, options: WebhookOptions, signal?: AbortSignal) =>
    postWebhook(options.url, envelope, {
      ...policy,
      ...options,
      now: () => clock.now(),
      ...(signal ? { signal } : {}),
    });
  return {
    id: 'webhook',
    label: 'Signierter HTTP-Webhook',
    optionsSchema: webhookOptionsSchema,
    demo: false,
    formatVersion: ENVELOPE_FORMAT_V1,
    async checkConfig(options): Promise<ConfigCheck> {
      const check = await checkOutboundUrl(options.url, policy);
      if (check.ok) return { ok: true, problems: [] };
      return { ok: false, problems: [`Die Ziel-URL ist nicht erlaubt: ${check.reason}.`] };
    },
    isRetryable: (error) =>
      error instanceof DeliveryAttemptError ? error.retryable : classifyResponse(error) === 'retryable',
    send,
    async deliver(payload: DeliveryPayload, options, context): Promise<DeliveryReceipt> {
      const attempt = await send(payload.envelope, options, context.signal);
      if (attempt.outcome !== 'delivered') throw attemptError(attempt);
      return { detail: `HTTP ${attempt.status}` };
    },
    async testConnection(options) {
      const ping = { format: 'sac.ping.v1', metadata: { deliveryId: 'verbindungstest' } };
      const attempt = await postWebhook(options.url, ping as unknown as SubmissionEnvelopeV1, {
        ...policy,
        ...options,
        now: () => clock.now(),
      });
      if (attempt.status !== undefined && (attempt.status < 300 || attempt.status >= 400)) {
        return { ok: true, problems: [`Ziel erreichbar (Antwort HTTP ${attempt.status}).`] };
      }
      return { ok: false, problems: [`Ziel nicht erreichbar: ${attempt.reason}`] };
    },
  };
}
