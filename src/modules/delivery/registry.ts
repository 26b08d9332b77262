import type { Deps } from '../../platform/deps.ts';
import { type ConfigCheck, PluginRegistry } from '../../platform/plugins/registry.ts';
import type { Connector } from './connector.ts';
import { createEmailConnector } from './email/email-connector.ts';
import { createFitConnector } from './fit/connector.ts';
import { createWebhookConnector, type OutboundPolicy } from './webhook/webhook-connector.ts';

/** A connector as the outbox and the admin pages see it; `testConnection` backs "Verbindung testen". */
export type DeliveryConnector = Connector<unknown> & {
  testConnection?(options: unknown): Promise<ConfigCheck>;
};

/** The operator's outbound network policy from configuration (SSRF allow-list, plain http). */
export function outboundPolicy(deps: Pick<Deps, 'config'>): OutboundPolicy {
  return { allowHosts: deps.config.outboundAllowHosts, allowHttp: deps.config.outboundAllowHttp };
}

const registries = new WeakMap<Deps, PluginRegistry<DeliveryConnector>>();

/**
 * The delivery connectors of this installation, one registry per `deps` (same shape as identity and
 * payment providers): signed webhook, e-mail to the office, and the FIT-Connect-style connector.
 */
export function connectorRegistry(deps: Deps): PluginRegistry<DeliveryConnector> {
  let registry = registries.get(deps);
  if (!registry) {
    registry = new PluginRegistry<DeliveryConnector>('delivery connector', deps.config.demo)
      .register(createWebhookConnector(outboundPolicy(deps), deps.clock) as DeliveryConnector)
      .register(createEmailConnector(deps.mailer) as DeliveryConnector)
      .register(createFitConnector(deps, outboundPolicy(deps)) as DeliveryConnector);
    registries.set(deps, registry);
  }
  return registry;
}
