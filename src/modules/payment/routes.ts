import type { FastifyInstance } from 'fastify';
import type { Registry } from 'prom-client';
import type { Deps } from '../../platform/deps.ts';
import { DEMO_PAYMENT_BASE_PATH, demoPaymentCredentials } from './demo/credentials.ts';
import { registerDemoPaymentProvider } from './demo/register-demo-provider.tsx';
import { paymentAlertsTotal } from './metrics.ts';
import { paymentRegistry } from './registry.ts';
import { registerPaymentAdminRoutes } from './web/admin-routes.tsx';
import { registerPaymentCitizenRoutes } from './web/citizen-routes.tsx';
import { registerNotificationRoute } from './web/notification-route.ts';

/**
 * Online payment: the citizen's payment step, provider notifications, payments in admin, and in demo
 * mode the demo payment provider under /demo/zahlung. `metrics` receives `sac_payment_alerts_total`.
 */
export function registerPaymentRoutes(app: FastifyInstance, deps: Deps, metrics?: Registry): void {
  const registry = paymentRegistry(deps);
  if (metrics && !metrics.getSingleMetric('sac_payment_alerts_total')) metrics.registerMetric(paymentAlertsTotal);
  registerPaymentCitizenRoutes(app, deps, registry);
  registerPaymentAdminRoutes(app, deps, registry);
  registerNotificationRoute(app, deps, registry);
  if (deps.config.demo) {
    registerDemoPaymentProvider(app, deps, {
      basePath: DEMO_PAYMENT_BASE_PATH,
      ...demoPaymentCredentials(deps.config),
    });
  }
}
