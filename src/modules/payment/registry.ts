import type { Deps } from '../../platform/deps.ts';
import { demoPaymentProvider } from './demo/plugin.ts';
import { createPaymentRegistry, type PaymentRegistry } from './provider.ts';
import { xbezahldiensteProvider } from './xbezahldienste/plugin.ts';

const registries = new WeakMap<Deps, PaymentRegistry>();

/** The payment-provider registry of an application (one per `deps`): XBezahldienste, and the demo in demo mode. */
export function paymentRegistry(deps: Deps): PaymentRegistry {
  let registry = registries.get(deps);
  if (!registry) {
    registry = createPaymentRegistry(deps, [xbezahldiensteProvider, demoPaymentProvider]);
    registries.set(deps, registry);
  }
  return registry;
}
