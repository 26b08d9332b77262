import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DemoPaymentStore } from '../../src/modules/payment/demo/demo-store.ts';
import { definePaymentExpiryJob } from '../../src/modules/payment/jobs/expire.ts';
import { defineExpiryNoticeJob } from '../../src/modules/payment/jobs/expiry-notice.ts';
import { definePaymentReconcileJob } from '../../src/modules/payment/jobs/reconcile.ts';
import { startPayment } from '../../src/modules/payment/ops/start-payment.ts';
import { paymentRegistry } from '../../src/modules/payment/registry.ts';
import { transitionHooks } from '../../src/modules/submissions/lifecycle/hooks.ts';
import type { JobDefinition } from '../../src/platform/jobs/index.ts';
import { Browser } from '../helpers/app.ts';
import {
  checkout,
  clickPay,
  createPaymentApp,
  location,
  type PaymentApp,
  pathOf,
  paymentPath,
  paymentsOf,
  receiptPath,
  submissionOf,
  submitApplication,
} from './payment-app.ts';

describe('payment jobs and F-11', () => {
  let t: PaymentApp;
  beforeAll(async () => {
    t = await createPaymentApp();
  });
  afterAll(() => t.close());

  const run = <P>(job: JobDefinition<P>, payload: P) =>
    job.handler(payload, { job: {} as never, signal: new AbortController().signal, now: t.clock.now() });

  const pendingJobs = (kind: string) =>
    t.deps.database.db
      .selectFrom('jobs')
      .select(['payload'])
      .where('kind', '=', kind)
      .execute()
      .then((rows) => rows.map((r) => (typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload)));

  it('reconciliation asks the provider about transactions stuck in INITIAL', async () => {
    const browser = new Browser(t.app);
    const { reference } = await submitApplication(t, browser);
    await clickPay(browser, reference);
    const submission = await submissionOf(t, reference);
    const [payment] = await paymentsOf(t, submission.id);
    // The tester paid, but neither a notification nor the return reached SAC.
    await new DemoPaymentStore(t.deps.database.db).finish(payment!.transaction_id!, 'PAYED', t.clock.now());

    await run(definePaymentReconcileJob(t.deps), {});
    expect((await submissionOf(t, reference)).state).toBe('awaiting_payment'); // too young to ask

    t.clock.advance(6 * 60_000);
    await run(definePaymentReconcileJob(t.deps), {});
    expect((await submissionOf(t, reference)).state).toBe('ready_for_delivery');
    const [after] = await paymentsOf(t, submission.id);
    expect(after!.status).toBe('paid');
    expect(after!.transaction_reference).toMatch(/^KZ-/);
  });

  it('expiry: unpaid submissions expire after SAC_PAYMENT_EXPIRY_HOURS with a notice mail; paid ones do not', async () => {
    const unpaid = new Browser(t.app);
    const { reference } = await submitApplication(t, unpaid);
    // Another one was paid at the provider at the last minute (open transaction, no notification yet).
    const late = new Browser(t.app);
    const { reference: lateRef } = await submitApplication(t, late);
    await clickPay(late, lateRef);
    const lateSubmission = await submissionOf(t, lateRef);
    const [latePayment] = await paymentsOf(t, lateSubmission.id);
    await new DemoPaymentStore(t.deps.database.db).finish(latePayment!.transaction_id!, 'PAYED', t.clock.now());

    t.clock.advance(71 * 3_600_000);
    await run(definePaymentExpiryJob(t.deps), {});
    expect((await submissionOf(t, reference)).state).toBe('awaiting_payment');

    t.clock.advance(2 * 3_600_000);
    await run(definePaymentExpiryJob(t.deps), {});
    const expired = await submissionOf(t, reference);
    expect(expired.state).toBe('expired');
    expect((await submissionOf(t, lateRef)).state).toBe('ready_for_delivery');

    const notices = await pendingJobs('payment.expiry-notice');
    expect(notices).toContainEqual({ tenantId: t.tenantIds.get('magdeburg'), submissionId: expired.id });
    expect(notices).not.toContainEqual(expect.objectContaining({ submissionId: lateSubmission.id }));
    const before = t.mailer.sent.length;
    await run(defineExpiryNoticeJob(t.deps), { tenantId: t.tenantIds.get('magdeburg')!, submissionId: expired.id });
    const mail = t.mailer.sent[before]!;
    expect(mail.to).toBe('erika.mustermann@example.org');
    expect(mail.subject).toContain(reference);
    expect(mail.text).toContain('72 Stunden');
    expect(mail.text).not.toContain('Beispiel'); // no answers in the mail

    // The expired application can no longer be paid (the session is long gone; ask the operation directly).
    const result = await startPayment(t.deps, paymentRegistry(t.deps), {
      tenant: { id: t.tenantIds.get('magdeburg')!, slug: 'magdeburg' },
      submission: expired,
      description: 'Test',
    });
    expect(result).toEqual({ kind: 'closed', state: 'expired' });
    expect(await paymentsOf(t, expired.id)).toHaveLength(0);
  });

  it('F-11: money taken but the release fails → help page with Kassenzeichen, alert; reconciliation repairs', async () => {
    const metricBefore = await alertCount();
    const auditBefore = await alerts();
    const failing = async (_trx: unknown, _deps: unknown, event: { to: string }) => {
      if (event.to === 'ready_for_delivery') throw new Error('delivery enqueue failed');
    };
    transitionHooks.push(failing);
    const browser = new Browser(t.app);
    let reference: string;
    try {
      ({ reference } = await submitApplication(t, browser));
      const back = await checkout(browser, await clickPay(browser, reference), 'bezahlt');
      const page = await browser.get(pathOf(back));
      expect(page.statusCode).toBe(200);
      const submission = await submissionOf(t, reference);
      const [payment] = await paymentsOf(t, submission.id);
      expect(payment!.status).toBe('paid');
      expect(submission.state).toBe('awaiting_payment');
      expect(page.body).toContain(payment!.transaction_reference!);
      expect(page.body).toContain(reference);
      expect(page.body).toContain('Bezahlen Sie nicht noch einmal');
      expect(page.body).not.toContain('Technischer Fehler');
      // The receipt says the same, without a "Bezahlen" button.
      const receipt = await browser.get(receiptPath(reference));
      expect(receipt.body).toContain(payment!.transaction_reference!);
      expect(receipt.body).not.toContain('>Bezahlen<');
      // Clicking "Bezahlen" again (old tab) shows the help page too, never a second charge.
      expect((await browser.get(paymentPath(reference))).body).toContain('Bezahlen Sie nicht noch einmal');
    } finally {
      transitionHooks.splice(transitionHooks.indexOf(failing), 1);
    }
    expect((await alerts()).length).toBeGreaterThan(auditBefore.length);
    expect((await alerts()).at(-1)).toMatchObject({ reason: 'release_failed' });
    expect(await alertCount()).toBeGreaterThan(metricBefore);

    await run(definePaymentReconcileJob(t.deps), {});
    expect((await submissionOf(t, reference)).state).toBe('ready_for_delivery');
    const back = await browser.get(`${paymentPath(reference)}/zurueck`);
    expect(location(back)).toBe(receiptPath(reference));
  });

  async function alerts() {
    const rows = await t.deps.database.db
      .selectFrom('audit_events')
      .select(['details'])
      .where('tenant_id', '=', t.tenantIds.get('magdeburg')!)
      .where('action', '=', 'payment.alert')
      .orderBy('at')
      .execute();
    return rows.map((r) => (typeof r.details === 'string' ? JSON.parse(r.details) : r.details) as { reason: string });
  }

  async function alertCount(): Promise<number> {
    const text = (await t.app.inject({ method: 'GET', url: '/metrics' })).body;
    const m = /^sac_payment_alerts_total\{reason="release_failed"\} (\d+)/m.exec(text);
    expect(text).toContain('# TYPE sac_payment_alerts_total counter');
    return m ? Number(m[1]) : 0;
  }
});
