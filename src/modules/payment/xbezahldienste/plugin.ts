import { z } from 'zod';
import type { Deps } from '../../../platform/deps.ts';
import type { OutboundUrlOptions } from '../../../platform/net/check-outbound-url.ts';
import { verifyNotificationSignature } from '../notification-signature.ts';
import {
  NotificationRejected,
  type PaymentProviderPlugin,
  type ProviderNotification,
  providerStatuses,
} from '../provider.ts';
import { XBezahldiensteClient, type XBezahldiensteEndpoint } from './client.ts';

export const xbezahldiensteOptions = z.object({
  baseUrl: z.string().url(),
  originatorId: z.string().min(1).max(100),
  endpointId: z.string().min(1).max(100),
  clientId: z.string().min(1).max(200),
  /** Basic-auth secret; also the HMAC key of the notifications. */
  clientSecret: z.string().min(8).max(500),
});
export type XBezahldiensteOptions = z.infer<typeof xbezahldiensteOptions>;

const notificationBody = z.object({
  eventId: z.string().min(1).max(100),
  transactionId: z.string().min(1).max(200),
  status: z.enum(providerStatuses as [string, ...string[]]),
  transactionReference: z.string().max(100).nullable().optional(),
});

/** Reads a notification after its signature was verified. */
export function parseNotification(rawBody: string): ProviderNotification {
  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch {
    throw new NotificationRejected('malformed');
  }
  const parsed = notificationBody.safeParse(json);
  if (!parsed.success) throw new NotificationRejected('malformed');
  return {
    eventId: parsed.data.eventId,
    transactionId: parsed.data.transactionId,
    status: parsed.data.status as ProviderNotification['status'],
    transactionReference: parsed.data.transactionReference ?? null,
  };
}

/** The SSRF policy for provider URLs: the operator's allow-list; in demo mode also the app's own host. */
export function outboundPolicy(deps: Deps): OutboundUrlOptions {
  const own = new URL(deps.config.baseUrl);
  const demoHosts = deps.config.demo ? [own.hostname] : [];
  return {
    allowHosts: [...deps.config.outboundAllowHosts, ...demoHosts],
    allowHttp: deps.config.outboundAllowHttp || (deps.config.demo && own.protocol === 'http:'),
  };
}

/** Builds a payment plug-in on top of the XBezahldienste client for any way of getting the endpoint. */
export function xbezahldiensteBased<T>(
  deps: Deps,
  meta: { id: string; label: string; demo: boolean; optionsSchema: z.ZodType<T>; secretOptions: readonly string[] },
  endpointOf: (options: T) => XBezahldiensteEndpoint,
): PaymentProviderPlugin<T> {
  const client = (options: T) =>
    new XBezahldiensteClient(endpointOf(options), { outbound: outboundPolicy(deps), now: () => deps.clock.now() });
  return {
    ...meta,
    async checkConfig(options) {
      const problems = await client(options).check();
      return { ok: problems.length === 0, problems };
    },
    createTransaction: (options, order) => client(options).create(order),
    getTransaction: (options, transactionId) => client(options).get(transactionId),
    verifyNotification(options, input) {
      verifyNotificationSignature(endpointOf(options).clientSecret, input);
      return parseNotification(input.rawBody);
    },
    payPageOrigin: (options) => new URL(endpointOf(options).baseUrl).origin,
  };
}

/** The production plug-in: an XBezahldienste REST endpoint configured per tenant. */
export function xbezahldiensteProvider(deps: Deps): PaymentProviderPlugin<XBezahldiensteOptions> {
  return xbezahldiensteBased(
    deps,
    {
      id: 'xbezahldienste',
      label: 'XBezahldienste (REST)',
      demo: false,
      optionsSchema: xbezahldiensteOptions,
      secretOptions: ['clientSecret'],
    },
    (o) => o,
  );
}
