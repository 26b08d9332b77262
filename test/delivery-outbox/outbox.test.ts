import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createDeliveryJob } from '../../src/modules/delivery/outbox/deliver-job.ts';
import type { DeliveryJobPayload } from '../../src/modules/delivery/outbox/enqueue.ts';
import { scoped } from '../../src/platform/db/scope.ts';
import { claim } from '../../src/platform/jobs/index.ts';
import {
  createDeliveryTestApp,
  type DeliveryTestApp,
  deliveriesOf,
  jobOf,
  MINUTE,
  SECRET,
  stateOf,
  submitViaJourney,
  type TestReceiver,
} from './setup.ts';

const engine = process.env.SAC_TEST_DB ?? 'pglite';

describe(`delivery outbox on ${engine}`, () => {
  let app: DeliveryTestApp;

  beforeAll(async () => {
    app = await createDeliveryTestApp({ SAC_OUTBOUND_ALLOW_HOSTS: '127.0.0.1', SAC_OUTBOUND_ALLOW_HTTP: '1' });
  });
  afterAll(() => app.close());
  afterEach(async () => {
    await app.reset();
  });

  const receiver = (answers?: TestReceiver['answers']) => app.receiver(answers);

  it('submitting through the form creates one pending delivery and one job per enabled route, in the same transaction', async () => {
    const r = await receiver();
    await app.addRoute('webhook', { url: r.url, secret: SECRET });
    await app.addRoute('email', { to: 'standesamt@magdeburg.example' });
    await app.addRoute('email', { to: 'aus@magdeburg.example' }, { enabled: false });
    const reference = await submitViaJourney(app);
    const submission = await scoped(app.deps.database.db, app.tenantIds.get('magdeburg')!)
      .selectFrom('submissions')
      .select(['id', 'state'])
      .where('reference', '=', reference)
      .executeTakeFirstOrThrow();
    expect(submission.state).toBe('ready_for_delivery');
    const rows = await deliveriesOf(app, submission.id);
    expect(rows.map((d) => [d.connector_id, d.state]).sort()).toEqual([
      ['email', 'pending'],
      ['webhook', 'pending'],
    ]);
    for (const d of rows) {
      const job = await jobOf(app, d.id);
      expect(job).toMatchObject({ kind: 'delivery.send', state: 'pending', max_attempts: 10 });
      expect(String(job!.id)).toBe(String(d.job_id));
      expect(job!.payload).toEqual({ tenantId: app.tenantIds.get('magdeburg'), deliveryId: d.id });
    }
  });

  it('a release whose transaction is rolled back leaves neither deliveries nor jobs (F-01)', async () => {
    await app.addRoute('email', { to: 'standesamt@magdeburg.example' });
    const db = app.deps.database.db;
    const count = async () => ({
      jobs: Number(
        (
          await db
            .selectFrom('jobs')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
      deliveries: (await db.selectFrom('deliveries').select('id').where('tenant_id', 'is not', null).execute()).length,
      submissions: (await db.selectFrom('submissions').select('id').where('tenant_id', 'is not', null).execute())
        .length,
    });
    const before = await count();
    await expect(app.release('magdeburg', { rollback: true })).rejects.toThrow('rollback');
    expect(await count()).toEqual(before);
    const committed = await app.release();
    expect(await deliveriesOf(app, committed)).toHaveLength(1);
    expect(await count()).toEqual({
      jobs: before.jobs + 1,
      deliveries: before.deliveries + 1,
      submissions: before.submissions + 1,
    });
  });

  it('without a route the submission stays ready_for_delivery and the operator is warned (ids only)', async () => {
    const id = await app.release('halberstadt');
    expect(await deliveriesOf(app, id, 'halberstadt')).toEqual([]);
    expect(await stateOf(app, id, 'halberstadt')).toBe('ready_for_delivery');
    const audit = await app.deps.database.db
      .selectFrom('audit_events')
      .where('tenant_id', '=', app.tenantIds.get('halberstadt')!)
      .select(['action', 'object_id', 'details'])
      .where('object_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(audit.action).toBe('delivery.no_route');
    expect(JSON.stringify(audit.details)).not.toMatch(/Erika|Mustermann/);
  });

  it('delivers a signed envelope; the receiver verifies the HMAC and gets the delivery id as idempotency key', async () => {
    const r = await receiver([204]);
    await app.addRoute('webhook', { url: r.url, secret: SECRET });
    const id = await app.release();
    const [delivery] = await deliveriesOf(app, id);
    expect(await app.worker().runOnce()).toBe(1);
    expect(r.requests).toHaveLength(1);
    const req = r.requests[0]!;
    expect(req.verified).toBe(true);
    expect(req.headers['idempotency-key']).toBe(delivery!.id);
    expect(req.headers['x-sac-delivery-id']).toBe(delivery!.id);
    expect(req.envelope).toMatchObject({
      format: 'sac.submission.v1',
      metadata: {
        deliveryId: delivery!.id,
        submissionId: id,
        tenant: { id: 'magdeburg', name: 'Landeshauptstadt Magdeburg' },
        assistant: { id: app.def.id, version: app.def.version },
        submittedAt: app.clock.now().toISOString(),
        payment: null,
        trustLevel: 'none',
      },
      data: { vorname: 'Erika', familienname: 'Mustermann' },
    });
    expect(req.envelope.metadata.leikaKey).toMatch(/^99\d{12}$/);
    const [after] = await deliveriesOf(app, id);
    expect(after).toMatchObject({ state: 'delivered', attempts: 1, receipt: 'HTTP 204' });
    expect(await stateOf(app, id)).toBe('delivered');
    expect((await jobOf(app, delivery!.id))!.state).toBe('done');
  });

  it('500 twice then 200: delivered on the third attempt after exactly 1 and 5 minutes (F-05)', async () => {
    const r = await receiver([500, 503, 200]);
    await app.addRoute('webhook', { url: r.url, secret: SECRET });
    const id = await app.release();
    const [delivery] = await deliveriesOf(app, id);
    const worker = app.worker();
    const start = app.clock.now().getTime();

    await worker.runOnce();
    let job = await jobOf(app, delivery!.id);
    expect(job).toMatchObject({ state: 'pending', attempts: 1 });
    expect(new Date(job!.run_at).getTime()).toBe(start + MINUTE);
    expect((await deliveriesOf(app, id))[0]).toMatchObject({ state: 'failed', attempts: 1 });
    expect((await deliveriesOf(app, id))[0]!.last_error).toMatch(/HTTP 500/);

    app.clock.advance(MINUTE - 1);
    expect(await worker.runOnce()).toBe(0);
    app.clock.advance(1);
    await worker.runOnce();
    job = await jobOf(app, delivery!.id);
    expect(new Date(job!.run_at).getTime()).toBe(start + MINUTE + 5 * MINUTE);
    expect((await deliveriesOf(app, id))[0]).toMatchObject({ state: 'failed', attempts: 2 });
    expect(await stateOf(app, id)).toBe('ready_for_delivery');

    app.clock.advance(5 * MINUTE);
    await worker.runOnce();
    expect((await deliveriesOf(app, id))[0]).toMatchObject({ state: 'delivered', attempts: 3 });
    expect(await stateOf(app, id)).toBe('delivered');
    expect(r.requests.map((q) => q.headers['idempotency-key'])).toEqual(Array(3).fill(delivery!.id));
    expect(r.requests.every((q) => q.verified)).toBe(true);
  });

  it('400 is permanent: dead after one attempt, no retry (F-06)', async () => {
    const r = await receiver([400]);
    await app.addRoute('webhook', { url: r.url, secret: SECRET });
    const id = await app.release();
    const [delivery] = await deliveriesOf(app, id);
    const worker = app.worker();
    await worker.runOnce();
    app.clock.advance(24 * 60 * MINUTE);
    expect(await worker.runOnce()).toBe(0);
    expect(r.requests).toHaveLength(1);
    const [after] = await deliveriesOf(app, id);
    expect(after).toMatchObject({ state: 'dead', attempts: 1 });
    expect(after!.last_error).toMatch(/HTTP 400.*abgelehnt/);
    expect((await jobOf(app, delivery!.id))!.state).toBe('dead');
    expect(await stateOf(app, id)).toBe('ready_for_delivery');
  });

  it('a timeout is retried', async () => {
    const r = await receiver([() => {}, 200]);
    await app.addRoute('webhook', { url: r.url, secret: SECRET, timeoutMs: 1000 });
    const id = await app.release();
    const worker = app.worker();
    await worker.runOnce();
    const [failed] = await deliveriesOf(app, id);
    expect(failed).toMatchObject({ state: 'failed', attempts: 1 });
    expect(failed!.last_error).toMatch(/abort|timeout/i);
    app.clock.advance(MINUTE);
    await worker.runOnce();
    expect((await deliveriesOf(app, id))[0]).toMatchObject({ state: 'delivered', attempts: 2 });
  });

  it('a job run again after its lease expired sends the same idempotency key; the receiver de-duplicates (F-02)', async () => {
    const r = await receiver([200]);
    await app.addRoute('webhook', { url: r.url, secret: SECRET });
    const id = await app.release();
    const [delivery] = await deliveriesOf(app, id);
    // Worker A claims the job and delivers, then "dies" before recording anything.
    const [claimed] = await claim(app.deps.database.db, {
      workerId: 'A',
      kinds: ['delivery.send'],
      limit: 1,
      leaseMs: 5 * MINUTE,
      now: app.clock.now(),
    });
    expect(claimed!.payload).toEqual({ tenantId: app.tenantIds.get('magdeburg'), deliveryId: delivery!.id });
    const definition = createDeliveryJob(app.deps);
    await definition.handler(claimed!.payload as DeliveryJobPayload, {
      job: claimed!,
      signal: new AbortController().signal,
      now: app.clock.now(),
    });
    // The crash came before the delivery row was updated: back to in_progress, the job still running as A's.
    await scoped(app.deps.database.db, app.tenantIds.get('magdeburg')!)
      .updateTable('deliveries')
      .set({ state: 'in_progress', delivered_at: null })
      .where('id', '=', delivery!.id)
      .execute();
    app.clock.advance(5 * MINUTE + 1);
    expect(await app.worker('B').runOnce()).toBe(1);
    expect(r.requests).toHaveLength(2);
    expect(new Set(r.requests.map((q) => q.headers['idempotency-key']))).toEqual(new Set([delivery!.id]));
    expect(new Set(r.requests.map((q) => q.envelope.metadata.deliveryId))).toEqual(new Set([delivery!.id]));
    expect(await jobOf(app, delivery!.id)).toMatchObject({ state: 'done', attempts: 2, locked_by: null });
    expect((await deliveriesOf(app, id))[0]!.state).toBe('delivered');
  });

  it('two routes: the first success moves the submission to delivered, the second leaves it', async () => {
    const r1 = await receiver([200]);
    const r2 = await receiver([500, 200]);
    await app.addRoute('webhook', { url: r1.url, secret: SECRET }, { label: 'eins' });
    await app.addRoute('webhook', { url: r2.url, secret: SECRET }, { label: 'zwei' });
    const id = await app.release();
    const worker = app.worker();
    await worker.runOnce();
    expect(await stateOf(app, id)).toBe('delivered');
    app.clock.advance(MINUTE);
    await worker.runOnce();
    const rows = await deliveriesOf(app, id);
    expect(rows.map((d) => d.state)).toEqual(['delivered', 'delivered']);
    expect(await stateOf(app, id)).toBe('delivered');
    const events = await scoped(app.deps.database.db, app.tenantIds.get('magdeburg')!)
      .selectFrom('submission_events')
      .select('to_state')
      .where('submission_id', '=', id)
      .where('to_state', '=', 'delivered')
      .execute();
    expect(events).toHaveLength(1);
    expect(new Set([r1.requests[0]!.headers['idempotency-key'], r2.requests[0]!.headers['idempotency-key']]).size).toBe(
      2,
    );
  });
});
