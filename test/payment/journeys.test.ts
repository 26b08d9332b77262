import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser } from '../helpers/app.ts';
import {
  checkout,
  clickPay,
  createPaymentApp,
  eventsOf,
  location,
  type PaymentApp,
  pathOf,
  paymentPath,
  paymentsOf,
  receiptPath,
  submissionOf,
  submitApplication,
  testBookingData,
  transitions,
} from './payment-app.ts';

describe('payment journeys against the demo provider over HTTP', () => {
  let t: PaymentApp;
  beforeAll(async () => {
    t = await createPaymentApp();
  });
  afterAll(() => t.close());

  it('success: submit → payment step → demo checkout → notification, return → receipt with Kassenzeichen', async () => {
    const browser = new Browser(t.app);
    const { reference, next } = await submitApplication(t, browser);
    expect(next).toBe(paymentPath(reference));
    const page = await browser.get(next);
    expect(page.body).toContain('5,00');
    expect(page.body).toContain('Bezahlen');

    const payPage = await clickPay(browser, reference);
    expect(payPage).toMatch(/\/demo\/zahlung\/kasse\/DEMO-/);
    const back = await checkout(browser, payPage, 'bezahlt');
    expect(pathOf(back)).toBe(`${paymentPath(reference)}/zurueck`);

    // The notification arrived before the citizen returned.
    const submission = await submissionOf(t, reference);
    expect(submission.state).toBe('ready_for_delivery');
    const [payment] = await paymentsOf(t, submission.id);
    expect(payment).toMatchObject({ status: 'paid', amount_cents: 500, plugin_id: 'demo', attempt: 1 });
    expect(payment!.transaction_reference).toMatch(/^KZ-\d{4}-\d{6}$/);

    const returned = await browser.get(pathOf(back));
    expect(returned.statusCode).toBe(303);
    expect(location(returned)).toBe(receiptPath(reference));
    const receipt = await browser.get(receiptPath(reference));
    expect(receipt.body).toContain(payment!.transaction_reference!);
    expect(receipt.body).toContain('Bezahlt');
    expect(receipt.body).not.toContain('>Bezahlen<');

    const events = await eventsOf(t, submission.id);
    // The manual clock stops time, so compare the transitions, not their order.
    expect(transitions(events)).toEqual(
      ['->submitted', 'submitted->awaiting_payment', 'awaiting_payment->paid', 'paid->ready_for_delivery'].sort(),
    );
    expect(
      events.filter((e) => e.to_state === 'paid' || e.to_state === 'ready_for_delivery').map((e) => e.actor),
    ).toEqual(['payment:demo', 'payment:demo']);

    // What the provider received: the server-side amount and the booking data.
    const demo = await t.deps.database.db
      .selectFrom('demo_payment_transactions')
      .selectAll()
      .where('request_id', '=', payment!.id)
      .executeTakeFirstOrThrow();
    const request = (typeof demo.request === 'string' ? JSON.parse(demo.request) : demo.request) as {
      grosAmount: number;
      purpose: string;
      items: { bookingData: Record<string, string> }[];
    };
    expect(request.grosAmount).toBe(5);
    expect(request.purpose).toBe(reference);
    expect(request.items.map((i) => i.bookingData)).toEqual([testBookingData]);
  });

  it('failure, then retry with a new transaction', async () => {
    const browser = new Browser(t.app);
    const { reference } = await submitApplication(t, browser);
    const first = await clickPay(browser, reference);
    const back = await checkout(browser, first, 'fehlgeschlagen');
    const returned = await browser.get(pathOf(back));
    expect(returned.statusCode).toBe(200);
    expect(returned.body).toContain('Zahlung fehlgeschlagen');
    expect(returned.body).toContain('Bezahlen');
    const submission = await submissionOf(t, reference);
    expect(submission.state).toBe('payment_failed');
    const receipt = await browser.get(receiptPath(reference));
    expect(receipt.body).toContain('Zahlung fehlgeschlagen');
    expect(receipt.body).toContain('>Bezahlen<');

    const second = await clickPay(browser, reference);
    expect(second).not.toBe(first);
    expect((await submissionOf(t, reference)).state).toBe('awaiting_payment');
    await browser.get(pathOf(await checkout(browser, second, 'bezahlt')));
    expect((await submissionOf(t, reference)).state).toBe('ready_for_delivery');
    const payments = await paymentsOf(t, submission.id);
    expect(payments.map((p) => [p.attempt, p.status])).toEqual([
      [1, 'failed'],
      [2, 'paid'],
    ]);
    expect(transitions(await eventsOf(t, submission.id))).toEqual(
      [
        '->submitted',
        'submitted->awaiting_payment',
        'awaiting_payment->payment_failed',
        'payment_failed->awaiting_payment',
        'awaiting_payment->paid',
        'paid->ready_for_delivery',
      ].sort(),
    );
  });

  it('cancel: the citizen can pay later from the payment page or the receipt', async () => {
    const browser = new Browser(t.app);
    const { reference } = await submitApplication(t, browser);
    const back = await checkout(browser, await clickPay(browser, reference), 'abgebrochen');
    const returned = await browser.get(pathOf(back));
    expect(returned.body).toContain('Zahlung abgebrochen');
    expect((await submissionOf(t, reference)).state).toBe('payment_cancelled');
    const [payment] = await paymentsOf(t, (await submissionOf(t, reference)).id);
    expect(payment!.status).toBe('cancelled');
    expect(payment!.transaction_reference).toBeNull();
  });

  it('return without notification: the status is queried from the provider', async () => {
    const browser = new Browser(t.app);
    const { reference } = await submitApplication(t, browser);
    const back = await checkout(browser, await clickPay(browser, reference), 'bezahlt', false);
    expect((await submissionOf(t, reference)).state).toBe('awaiting_payment');
    const returned = await browser.get(pathOf(back));
    expect(location(returned)).toBe(receiptPath(reference));
    expect((await submissionOf(t, reference)).state).toBe('ready_for_delivery');
  });

  it('a tampered return URL decides nothing: the provider still says INITIAL', async () => {
    const browser = new Browser(t.app);
    const { reference } = await submitApplication(t, browser);
    await clickPay(browser, reference);
    const forged = await browser.get(
      `${paymentPath(reference)}/zurueck?status=PAYED&transactionReference=KZ-FAKE&paid=1`,
    );
    expect(forged.statusCode).toBe(200);
    expect(forged.body).toContain('noch geprüft');
    const main = /<main[\s\S]*<\/main>/.exec(forged.body)![0];
    expect(main).not.toContain('KZ-FAKE');
    const submission = await submissionOf(t, reference);
    expect(submission.state).toBe('awaiting_payment');
    expect((await paymentsOf(t, submission.id))[0]).toMatchObject({ status: 'pending', transaction_reference: null });
  });

  it('another session cannot see or pay someone else’s application (404)', async () => {
    const owner = new Browser(t.app);
    const { reference } = await submitApplication(t, owner);
    const stranger = new Browser(t.app);
    expect((await stranger.get(paymentPath(reference))).statusCode).toBe(404);
    expect((await stranger.get(`${paymentPath(reference)}/zurueck`)).statusCode).toBe(404);
    expect((await owner.get(paymentPath(reference, 'halberstadt'))).statusCode).toBe(404);
  });

  it('ten parallel "Bezahlen" clicks create one transaction and all go to the same pay page', async () => {
    const browser = new Browser(t.app);
    const { reference } = await submitApplication(t, browser);
    const page = await browser.get(paymentPath(reference));
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
    const results = await Promise.all(
      Array.from({ length: 10 }, () => browser.post(paymentPath(reference), { _csrf: csrf })),
    );
    expect(results.map((r) => r.statusCode)).toEqual(Array(10).fill(303));
    expect(new Set(results.map(location)).size).toBe(1);
    const submission = await submissionOf(t, reference);
    const payments = await paymentsOf(t, submission.id);
    expect(payments).toHaveLength(1);
    const demo = await t.deps.database.db
      .selectFrom('demo_payment_transactions')
      .select('id')
      .where('request_id', '=', payments[0]!.id)
      .execute();
    expect(demo).toHaveLength(1);
  });
});
