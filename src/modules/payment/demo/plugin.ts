import { z } from 'zod';
import type { Deps } from '../../../platform/deps.ts';
import type { PaymentProviderPlugin } from '../provider.ts';
import { xbezahldiensteBased } from '../xbezahldienste/plugin.ts';
import { DEMO_PAYMENT_BASE_PATH, demoPaymentCredentials } from './credentials.ts';

export const demoPaymentOptions = z.object({
  originatorId: z.string().min(1).max(100),
  endpointId: z.string().min(1).max(100),
});
export type DemoPaymentOptions = z.infer<typeof demoPaymentOptions>;

/**
 * The demo payment plug-in (SAC_DEMO=1 only): the production XBezahldienste client, pointed over HTTP at
 * the demo provider this app mounts under /demo/zahlung, with that provider's derived credentials.
 */
export function demoPaymentProvider(deps: Deps): PaymentProviderPlugin<DemoPaymentOptions> {
  const credentials = demoPaymentCredentials(deps.config);
  return xbezahldiensteBased(
    deps,
    {
      id: 'demo',
      label: 'Demo-Zahlungsdienst (Testsystem)',
      demo: true,
      optionsSchema: demoPaymentOptions,
      secretOptions: [],
    },
    (o) => ({ ...o, ...credentials, baseUrl: `${deps.config.baseUrl}${DEMO_PAYMENT_BASE_PATH}/api/` }),
  );
}
