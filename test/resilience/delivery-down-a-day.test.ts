import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type DemoStaffCredential, seedDemoStaff } from '../../src/modules/staff/demo/seed.ts';
import { totpCode } from '../../src/modules/staff/totp.ts';
import {
  createDeliveryTestApp,
  type DeliveryTestApp,
  deliveriesOf,
  jobOf,
  MINUTE,
  SECRET,
  stateOf,
  type TestReceiver,
} from '../delivery-outbox/setup.ts';
import { Browser } from '../helpers/app.ts';
import { testDatabaseKind } from '../helpers/test-db.ts';
import { postCode, postPassword } from '../staff/staff-app.ts';

/**
 * F-05/F-06 over a simulated day (ManualClock): a receiver answering 503, and one refusing connections,
 * is retried on the platform schedule (1 min, 5 min, 30 min, 2 h, 12 h, then daily, no jitter here);
 * after each attempt the delivery row shows the attempts and the last error, the operator's view shows
 * them, and once the receiver is back the delivery goes out exactly once. A 422 is dead after one attempt
 * with its reason stored and no personal data in it. (test/delivery-outbox covers the first two retries,
 * 400 and the operator's manual retry; this file covers the whole day and the refused connection.)
 */
const kind = testDatabaseKind();
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const SCHEDULE = [MINUTE, 5 * MINUTE, 30 * MINUTE, 2 * HOUR, 12 * HOUR, DAY];

describe(`a receiver down for a day (${kind})`, () => {
  let app: DeliveryTestApp;
  let staff: DemoStaffCredential[];
  const closers: Array<() => Promise<void>> = [];

  beforeAll(async () => {
    app = await createDeliveryTestApp({ SAC_OUTBOUND_ALLOW_HOSTS: '127.0.0.1', SAC_OUTBOUND_ALLOW_HTTP: '1' });
    staff = await seedDemoStaff(app.deps, app.tenantIds);
  });
  afterAll(() => app.close());
  afterEach(async () => {
    await Promise.all(closers.splice(0).map((close) => close()));
    await app.reset();
  });

  const receiver = (answers: TestReceiver['answers']) => app.receiver(answers);

  /** The operator's delivery list; logging in moves the clock 30 s (a TOTP code counts once per step). */
  async function operatorView(): Promise<string> {
    app.clock.advance(30_000);
    const operator = staff.find((s) => s.role === 'operator' && s.tenantSlug === null)!;
    const browser = new Browser(app.app);
    expect((await postPassword(browser, operator.email, operator.password)).statusCode).toBe(303);
    expect((await postCode(browser, totpCode(operator.totpSecret, app.clock.now()))).statusCode).toBe(303);
    const page = await browser.get('/admin/zustellungen?kommune=magdeburg');
    expect(page.statusCode).toBe(200);
    return page.body;
  }

  /**
   * A receiver that is stopped: its port was free a moment ago and nobody listens on it (connections are
   * refused). `comeBack()` starts it on that port; it answers 200 and records each idempotency key in `seen`.
   */
  async function stoppedReceiver() {
    const seen: string[] = [];
    const record = (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => {
      seen.push(String(req.headers['idempotency-key']));
      req.resume();
      res.writeHead(200).end('{}');
    };
    const probe: Server = createServer(record);
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as AddressInfo).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const comeBack = async () => {
      const back: Server = createServer(record);
      await new Promise<void>((resolve) => back.listen(port, '127.0.0.1', resolve));
      closers.push(() => new Promise<void>((resolve) => back.close(() => resolve())));
    };
    return { url: `http://127.0.0.1:${port}/eingang`, seen, comeBack };
  }

  /**
   * Runs the due attempt, then checks the row and the next run time; returns the minutes (since `start`)
   * of every attempt made. No attempt runs a millisecond before its time.
   */
  async function failThroughTheDay(submissionId: string, start: number, errorPattern: RegExp) {
    const [delivery] = await deliveriesOf(app, submissionId);
    const worker = app.worker();
    const attemptsAt: number[] = [];
    for (let attempt = 1; ; attempt++) {
      attemptsAt.push((app.clock.now().getTime() - start) / MINUTE);
      expect(await worker.runOnce()).toBe(1);
      const [row] = await deliveriesOf(app, submissionId);
      expect(row).toMatchObject({ state: 'failed', attempts: attempt });
      expect(row!.last_error).toMatch(errorPattern);
      expect(row!.last_error).not.toMatch(/Erika|Mustermann/);
      const job = await jobOf(app, delivery!.id);
      expect(job).toMatchObject({ state: 'pending', attempts: attempt });
      const runAt = new Date(job!.run_at).getTime();
      expect(runAt - app.clock.now().getTime()).toBe(SCHEDULE[attempt - 1]);
      if (attempt === 3) {
        const page = await operatorView();
        expect(page).toContain('fehlgeschlagen, neuer Versuch geplant');
        expect(page).toContain('nächster Versuch');
        expect(page).toMatch(errorPattern);
        expect(page).toMatch(/<td class="kern-table__cell">3<\/td>/);
        expect(page).not.toMatch(/Erika|Mustermann/);
      }
      if (runAt - start > DAY) return { attemptsAt, nextAt: runAt, worker, deliveryId: delivery!.id };
      app.clock.set(new Date(runAt - 1));
      expect(await worker.runOnce()).toBe(0);
      app.clock.advance(1);
    }
  }

  it('503 for a day: six attempts at 0, 1, 6, 36, 156 and 876 min, then delivered once when the receiver is back (F-05)', async () => {
    const r = await receiver([503]);
    await app.addRoute('webhook', { url: r.url, secret: SECRET }, { skipCheck: true, label: 'Fachverfahren' });
    const id = await app.release();
    const start = app.clock.now().getTime();
    const { attemptsAt, nextAt, worker, deliveryId } = await failThroughTheDay(id, start, /HTTP 503/);
    expect(attemptsAt).toEqual([0, 1, 6, 36, 156, 876]);
    expect(r.requests).toHaveLength(6);
    expect(await stateOf(app, id)).toBe('ready_for_delivery');

    r.answers.splice(0, r.answers.length, 200);
    app.clock.set(new Date(nextAt));
    expect(await worker.runOnce()).toBe(1);
    const [row] = await deliveriesOf(app, id);
    expect(row).toMatchObject({ state: 'delivered', attempts: 7, receipt: 'HTTP 200' });
    expect((nextAt - start) / MINUTE).toBe(876 + 24 * 60);
    expect(await stateOf(app, id)).toBe('delivered');
    expect(r.requests.map((q) => q.headers['idempotency-key'])).toEqual(Array(7).fill(deliveryId));
    app.clock.advance(2 * DAY);
    expect(await worker.runOnce()).toBe(0);
    expect(r.requests).toHaveLength(7);
    const page = await operatorView();
    expect(page).not.toContain('fehlgeschlagen, neuer Versuch geplant'); // the list shows open problems only
    console.log(
      `F-05 (${kind}) 503: attempts at min ${attemptsAt.join(', ')}; delivered at min ${(nextAt - start) / MINUTE}`,
    );
  });

  it('connection refused for a day, then the receiver listens again on its port: delivered once (F-05)', async () => {
    const { url, seen, comeBack } = await stoppedReceiver();
    await app.addRoute('webhook', { url, secret: SECRET }, { skipCheck: true });
    const id = await app.release();
    const start = app.clock.now().getTime();
    const { attemptsAt, nextAt, worker, deliveryId } = await failThroughTheDay(id, start, /ECONNREFUSED/);
    expect(attemptsAt).toEqual([0, 1, 6, 36, 156, 876]);
    expect(seen).toEqual([]);

    await comeBack();
    app.clock.set(new Date(nextAt));
    expect(await worker.runOnce()).toBe(1);
    expect((await deliveriesOf(app, id))[0]).toMatchObject({ state: 'delivered', attempts: 7 });
    expect(await stateOf(app, id)).toBe('delivered');
    app.clock.advance(2 * DAY);
    expect(await worker.runOnce()).toBe(0);
    expect(seen).toEqual([deliveryId]);
  });

  it('webhook + e-mail on one Magdeburg offering: the e-mail goes out, the stopped receiver shows as failing with its attempts, then delivers exactly once', async () => {
    const { url, seen, comeBack } = await stoppedReceiver();
    await app.addRoute('webhook', { url, secret: SECRET }, { skipCheck: true, label: 'Fachverfahren Standesamt' });
    await app.addRoute('email', { to: 'standesamt@magdeburg.example' }, { label: 'Kopie an das Standesamt' });
    app.mailer.sent.length = 0;
    const id = await app.release();
    const worker = app.worker();
    expect(await worker.runOnce()).toBe(2);
    const byConnector = async () =>
      Object.fromEntries((await deliveriesOf(app, id)).map((d) => [d.connector_id, d] as const));
    let rows = await byConnector();
    expect(rows.email).toMatchObject({ state: 'delivered', attempts: 1 });
    expect(rows.webhook).toMatchObject({ state: 'failed', attempts: 1 });
    expect(app.mailer.sent.map((m) => m.to)).toEqual(['standesamt@magdeburg.example']);
    expect(await stateOf(app, id)).toBe('delivered'); // the first delivered route moves the submission on

    app.clock.advance(MINUTE);
    expect(await worker.runOnce()).toBe(1);
    const page = await operatorView();
    expect(page).toContain('Fachverfahren Standesamt');
    expect(page).toContain('fehlgeschlagen, neuer Versuch geplant');
    expect(page).toMatch(/ECONNREFUSED/);
    expect(page).toMatch(/<td class="kern-table__cell">2<\/td>/);
    expect(page).not.toContain('Kopie an das Standesamt'); // delivered: not an open problem

    await comeBack();
    const job = await jobOf(app, rows.webhook!.id);
    app.clock.set(new Date(job!.run_at));
    expect(await worker.runOnce()).toBe(1);
    rows = await byConnector();
    expect(rows.webhook).toMatchObject({ state: 'delivered', attempts: 3 });
    app.clock.advance(2 * DAY);
    expect(await worker.runOnce()).toBe(0);
    expect(seen).toEqual([rows.webhook!.id]);
    expect(app.mailer.sent).toHaveLength(1);
    expect(await operatorView()).not.toContain('Fachverfahren Standesamt');
  });

  it("422 is dead after one attempt with the receiver's reason stored and shown, without personal data (F-06)", async () => {
    const r = await receiver([
      (res) =>
        res
          .writeHead(422, { 'content-type': 'application/json' })
          .end('{"error":"schema","path":"/data/geburtsdatum"}'),
    ]);
    await app.addRoute('webhook', { url: r.url, secret: SECRET }, { skipCheck: true, label: 'Fachverfahren' });
    const id = await app.release();
    const [delivery] = await deliveriesOf(app, id);
    const worker = app.worker();
    expect(await worker.runOnce()).toBe(1);
    for (const step of SCHEDULE) {
      app.clock.advance(step);
      expect(await worker.runOnce()).toBe(0);
    }
    expect(r.requests).toHaveLength(1);
    const [row] = await deliveriesOf(app, id);
    expect(row).toMatchObject({ state: 'dead', attempts: 1 });
    expect(row!.last_error).toMatch(/HTTP 422.*geburtsdatum/);
    expect(row!.last_error).not.toMatch(/Erika|Mustermann/);
    expect((await jobOf(app, delivery!.id))!.state).toBe('dead');
    expect(await stateOf(app, id)).toBe('ready_for_delivery');
    const page = await operatorView();
    expect(page).toContain('HTTP 422');
    expect(page).toContain('geburtsdatum');
    expect(page).not.toMatch(/Erika|Mustermann/);
  });
});
