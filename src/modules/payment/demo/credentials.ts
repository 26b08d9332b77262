import { createHmac } from 'node:crypto';
import type { Config } from '../../../config/index.ts';

/** Mount point of the built-in demo payment provider. */
export const DEMO_PAYMENT_BASE_PATH = '/demo/zahlung';

/**
 * Client credentials of the built-in demo provider, derived from the installation's secret key so they
 * are stable across restarts and differ between installations.
 */
export function demoPaymentCredentials(config: Pick<Config, 'secretKey'>): { clientId: string; clientSecret: string } {
  return {
    clientId: 'sac-demo',
    clientSecret: createHmac('sha256', config.secretKey).update('sac demo payment provider v1').digest('base64url'),
  };
}
