import { Counter } from 'prom-client';

/** Payments that were taken but could not be completed (F-11): every increment needs an operator. */
export const paymentAlertsTotal = new Counter({
  name: 'sac_payment_alerts_total',
  help: 'Payment alerts: money taken but a later step failed (operator action needed)',
  labelNames: ['reason'],
  registers: [],
});
