import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DemoPaymentStore } from '../../src/modules/payment/demo/demo-store.ts';
import { Browser } from '../helpers/app.ts';
import {
  clickPay,
  createPaymentApp,
  eventsOf,
  notify,
  type PaymentApp,
  paymentsOf,
  submissionOf,
  submitApplication,
} from './payment-app.ts';

describe('payment notifications (F-07 … F-10)', () => {
  let t: PaymentApp;
  beforeAll(async () => {
    t = await createPaymentApp();
  });
  afterAll(() => t.close());

  /** A submission with an open transaction at the demo provider; the provider then marks it `status`. */
  async function openTransaction(status?: 'PAYED' | 'FAILED') {
    const browser = new Browser(t.app);
    const { reference } = await submitApplication(t, browser);
    await clickPay(browser, reference);
    const submission = await submissionOf(t, reference);
    const [payment] = await paymentsOf(t, submission.id);
    const tx = status
      ? await new DemoPaymentStore(t.deps.database.db).finish(payment!.transaction_id!, status, t.clock.now())
      : null;
    return { submission, payment: payment!, transactionReference: tx?.transaction_reference ?? null, browser };
  }

  const rejections = async () =>
    (
      await t.deps.database.db
        .selectFrom('audit_events')
        .select(['action', 'details'])
        .where('tenant_id', '=', t.tenantIds.get('magdeburg')!)
        .where('action', '=', 'payment.notification_rejected')
        .execute()
    ).map((r) => (typeof r.details === 'string' ? JSON.parse(r.details) : r.details) as { reason: string });

  it('a duplicate notification (same event id) changes nothing the second time', async () => {
    const { submission, payment, transactionReference } = await openTransaction('PAYED');
    const body = {
      eventId: randomUUID(),
      transactionId: payment.transaction_id,
      status: 'PAYED',
      transactionReference,
    };
    const first = await notify(t, body);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ result: 'applied' });
    const second = await notify(t, body);
    expect(second.statusCode).toBe(200);
    expect(second.json()).toEqual({ result: 'duplicate' });
    expect((await submissionOf(t, submission.reference)).state).toBe('ready_for_delivery');
    const paidEvents = (await eventsOf(t, submission.id)).filter((e) => e.to_state === 'paid');
    expect(paidEvents).toHaveLength(1);
    expect((await paymentsOf(t, submission.id))[0]!.transaction_reference).toBe(transactionReference);
  });

  it('concurrent notifications (different event ids) make exactly one transition', async () => {
    const { submission, payment, transactionReference } = await openTransaction('PAYED');
    const results = await Promise.all(
      Array.from({ length: 6 }, () =>
        notify(t, {
          eventId: randomUUID(),
          transactionId: payment.transaction_id,
          status: 'PAYED',
          transactionReference,
        }),
      ),
    );
    expect(results.map((r) => r.statusCode)).toEqual(Array(6).fill(200));
    const events = await eventsOf(t, submission.id);
    expect(events.filter((e) => e.to_state === 'paid')).toHaveLength(1);
    expect(events.filter((e) => e.to_state === 'ready_for_delivery')).toHaveLength(1);
  });

  it('a notification may come instead of the return (the citizen never comes back)', async () => {
    const { submission, payment } = await openTransaction('FAILED');
    const res = await notify(t, { eventId: randomUUID(), transactionId: payment.transaction_id, status: 'FAILED' });
    expect(res.statusCode).toBe(200);
    expect((await submissionOf(t, submission.reference)).state).toBe('payment_failed');
  });

  it('forged notifications are refused with 401 and audited; nothing changes', async () => {
    const { submission, payment } = await openTransaction();
    const body = {
      eventId: randomUUID(),
      transactionId: payment.transaction_id,
      status: 'PAYED',
      transactionReference: 'KZ-FORGED',
    };
    const before = (await rejections()).length;
    expect((await notify(t, body, { secret: 'not-the-secret' })).statusCode).toBe(401);
    expect((await notify(t, body, { headers: {} })).statusCode).toBe(401);
    expect(
      (await notify(t, body, { headers: { 'x-payment-timestamp': '1', 'x-payment-signature': 'sha256=00' } }))
        .statusCode,
    ).toBe(401);
    // Signed for another tenant's provider configuration: that tenant's credentials differ only in the
    // originator, the secret is the installation's demo secret, so the transaction is simply unknown there.
    expect((await notify(t, body, { tenant: 'halberstadt' })).statusCode).toBe(404);
    const after = await rejections();
    expect(after.length - before).toBe(3);
    expect(after.slice(before).every((d) => d.reason === 'signature')).toBe(true);
    expect((await submissionOf(t, submission.reference)).state).toBe('awaiting_payment');
    expect((await paymentsOf(t, submission.id))[0]!.status).toBe('pending');
  });

  it('replayed notifications outside the time window are refused with 400 and audited', async () => {
    const { submission, payment } = await openTransaction('PAYED');
    const body = { eventId: randomUUID(), transactionId: payment.transaction_id, status: 'PAYED' };
    const before = (await rejections()).length;
    const old = new Date(t.clock.now().getTime() - 10 * 60_000);
    expect((await notify(t, body, { at: old })).statusCode).toBe(400);
    const future = new Date(t.clock.now().getTime() + 10 * 60_000);
    expect((await notify(t, { ...body, eventId: randomUUID() }, { at: future })).statusCode).toBe(400);
    const after = await rejections();
    expect(after.slice(before).map((d) => d.reason)).toEqual(['timestamp', 'timestamp']);
    expect((await submissionOf(t, submission.reference)).state).toBe('awaiting_payment');
  });

  it('a signed but malformed notification is refused with 400', async () => {
    const { payment } = await openTransaction();
    expect(
      (await notify(t, { eventId: randomUUID(), transactionId: payment.transaction_id, status: 'GEZAHLT' })).statusCode,
    ).toBe(400);
    expect((await notify(t, { transactionId: payment.transaction_id, status: 'PAYED' })).statusCode).toBe(400);
  });

  it('a notification for an unknown transaction is 404', async () => {
    const res = await notify(t, { eventId: randomUUID(), transactionId: 'DEMO-NOPE', status: 'PAYED' });
    expect(res.statusCode).toBe(404);
  });
});
