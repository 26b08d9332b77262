import { z } from 'zod';
import { checkOutboundUrl, type OutboundUrlOptions } from '../../../platform/net/check-outbound-url.ts';
import type { ConfigCheck, Plugin } from '../../../platform/plugins/registry.ts';
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

export interface WebhookConnector extends Plugin<WebhookOptions> {
  readonly formatVersion: typeof ENVELOPE_FORMAT_V1;
  /** For the outbox: may a delivery that failed with `error` be tried again? */
  isRetryable(error: unknown): boolean;
  send(envelope: SubmissionEnvelopeV1, options: WebhookOptions): Promise<WebhookAttempt>;
}

/**
 * The signed HTTP webhook connector. `checkConfig` is the save-time SSRF check; `send` checks again at
 * call time (inside {@link postWebhook}).
 */
export function createWebhookConnector(policy: OutboundPolicy = {}): WebhookConnector {
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
    isRetryable: (error) => classifyResponse(error) === 'retryable',
    send: (envelope, options) => postWebhook(options.url, envelope, { ...policy, ...options }),
  };
}
