import { createHash } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createDeliveryJob } from '../../src/modules/delivery/outbox/deliver-job.ts';
import type { DeliveryJobPayload } from '../../src/modules/delivery/outbox/enqueue.ts';
import { renderDocuments, storedDocuments } from '../../src/modules/submissions/documents/record.ts';
import { scoped } from '../../src/platform/db/scope.ts';
import { claim, complete, type Executor, getJob, LeaseLostError } from '../../src/platform/jobs/index.ts';
import {
  createDeliveryTestApp,
  type DeliveryTestApp,
  deliveriesOf,
  MINUTE,
  SECRET,
  type TestReceiver,
} from './setup.ts';

const engine = process.env.SAC_TEST_DB ?? 'pglite';
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/**
 * Documents of record (issue 6): the release stores the application PDF once, every route and retry sends
 * those bytes, and the citizen's later download is the same document, even after the municipality's
 * branding changed. And the delivery job's writes are fenced by its lease.
 */
describe(`documents of record and lease fencing on ${engine}`, () => {
  let app: DeliveryTestApp;
  const tenantId = () => app.tenantIds.get('magdeburg')!;

  beforeAll(async () => {
    app = await createDeliveryTestApp({ SAC_OUTBOUND_ALLOW_HOSTS: '127.0.0.1', SAC_OUTBOUND_ALLOW_HTTP: '1' });
  });
  afterAll(() => app.close());
  afterEach(async () => {
    await app.reset();
  });

  const receiver = (answers?: TestReceiver['answers']) => app.receiver(answers);

  it('the release stores the PDF once; both routes, a retry and a later re-render after a branding change agree with it', async () => {
    const r1 = await receiver([200]);
    const r2 = await receiver([500, 200]);
    await app.addRoute('webhook', { url: r1.url, secret: SECRET }, { label: 'eins' });
    await app.addRoute('webhook', { url: r2.url, secret: SECRET }, { label: 'zwei' });
    const id = await app.release();

    const stored = await storedDocuments(app.deps, tenantId(), id);
    expect(stored.map((d) => d.role)).toEqual(['application-pdf']);
    const pdf = stored[0]!;
    expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(sha256(pdf.bytes)).toBe(pdf.sha256);
    // Encrypted at rest: the stored column is not the PDF.
    const raw = await scoped(app.deps.database.db, tenantId())
      .selectFrom('submission_documents')
      .select('content')
      .where('submission_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(raw.content).not.toContain('%PDF');

    // The municipality changes its colour: a fresh rendering differs, the document of record does not.
    await app.deps.database.db
      .updateTable('tenants')
      .set({ primary_color: '#7a1f5c' })
      .where('id', '=', tenantId())
      .execute();
    const rerendered = (await renderDocuments(app.deps, tenantId(), id))[0]!;
    expect(rerendered.sha256).not.toBe(pdf.sha256);

    const worker = app.worker();
    await worker.runOnce();
    app.clock.advance(MINUTE);
    await worker.runOnce();
    expect((await deliveriesOf(app, id)).map((d) => d.state)).toEqual(['delivered', 'delivered']);
    const sent = [...r1.requests, ...r2.requests].map(
      (q) => q.envelope.attachments.find((a: { filename: string }) => a.filename.endsWith('.pdf'))!,
    );
    expect(sent).toHaveLength(3);
    for (const a of sent) {
      expect(a.sha256).toBe(pdf.sha256);
      expect(sha256(Buffer.from(a.contentBase64, 'base64'))).toBe(pdf.sha256);
    }
    const count = await scoped(app.deps.database.db, tenantId())
      .selectFrom('submission_documents')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('submission_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
  });

  it('a submission released without stored documents (older data) gets them rendered and kept at its first delivery', async () => {
    const r = await receiver([200]);
    await app.addRoute('webhook', { url: r.url, secret: SECRET });
    const id = await app.release();
    await scoped(app.deps.database.db, tenantId())
      .deleteFrom('submission_documents')
      .where('submission_id', '=', id)
      .execute();
    await app.worker().runOnce();
    expect((await deliveriesOf(app, id))[0]!.state).toBe('delivered');
    const stored = await storedDocuments(app.deps, tenantId(), id);
    expect(stored).toHaveLength(1);
    const sent = r.requests[0]!.envelope.attachments.find((a: { filename: string }) => a.filename.endsWith('.pdf'));
    expect(sent.sha256).toBe(stored[0]!.sha256);
  });

  it('a worker whose lease was taken over writes nothing: not the attempt, not the result (fencing)', async () => {
    const r = await receiver([200]);
    await app.addRoute('webhook', { url: r.url, secret: SECRET });
    const id = await app.release();
    const [delivery] = await deliveriesOf(app, id);
    const claimOne = (workerId: string) =>
      claim(app.deps.database.db, {
        workerId,
        kinds: ['delivery.send'],
        limit: 1,
        leaseMs: 5 * MINUTE,
        now: app.clock.now(),
      });
    const [byA] = await claimOne('A');
    app.clock.advance(5 * MINUTE + 1);
    const [byB] = await claimOne('B');
    expect(byB!.id).toBe(byA!.id);

    // A wakes up late and tries to run the attempt it no longer holds.
    const definition = createDeliveryJob(app.deps);
    const context = (job: typeof byA) => ({ job: job!, signal: new AbortController().signal, now: app.clock.now() });
    await expect(definition.handler(byA!.payload as DeliveryJobPayload, context(byA))).rejects.toBeInstanceOf(
      LeaseLostError,
    );
    expect(r.requests).toHaveLength(0);
    expect((await deliveriesOf(app, id))[0]).toMatchObject({ state: 'pending', attempts: 0 });

    // B, the owner, delivers; A's late result could not be recorded over it either.
    await definition.handler(byB!.payload as DeliveryJobPayload, context(byB));
    expect((await deliveriesOf(app, id))[0]).toMatchObject({ state: 'delivered', attempts: 2 });
    expect(r.requests.map((q) => q.headers['idempotency-key'])).toEqual([delivery!.id]);
  });

  it('the result commits together with the job: a lease lost at the end rolls the delivered state back', async () => {
    const r = await receiver([200]);
    await app.addRoute('webhook', { url: r.url, secret: SECRET });
    const id = await app.release();
    const [byA] = await claim(app.deps.database.db, {
      workerId: 'A',
      kinds: ['delivery.send'],
      limit: 1,
      leaseMs: 5 * MINUTE,
      now: app.clock.now(),
    });
    // completeWith as the worker provides it; the takeover by B is simulated inside the final transaction,
    // right before the compare-and-set (a second connection would wait for the transaction on PGlite).
    let sawDelivered = false;
    const completeWith = async (executor: Executor) => {
      const inside = await scoped(executor, tenantId())
        .selectFrom('deliveries')
        .select('state')
        .where('submission_id', '=', id)
        .executeTakeFirstOrThrow();
      sawDelivered = inside.state === 'delivered';
      await executor.updateTable('jobs').set({ locked_by: 'B' }).where('id', '=', byA!.id).execute();
      if (!(await complete(executor, { id: byA!.id, workerId: 'A', now: app.clock.now() })))
        throw new LeaseLostError('job lease was taken over');
    };
    await expect(
      createDeliveryJob(app.deps).handler(byA!.payload as DeliveryJobPayload, {
        job: byA!,
        signal: new AbortController().signal,
        now: app.clock.now(),
        completeWith,
      }),
    ).rejects.toBeInstanceOf(LeaseLostError);
    expect(r.requests).toHaveLength(1);
    expect(sawDelivered).toBe(true);
    // Rolled back: neither delivered nor moved on; the attempt's in_progress (written before) stays.
    expect((await deliveriesOf(app, id))[0]!.state).toBe('in_progress');
    expect(
      (
        await scoped(app.deps.database.db, tenantId())
          .selectFrom('submissions')
          .select('state')
          .where('id', '=', id)
          .executeTakeFirstOrThrow()
      ).state,
    ).toBe('ready_for_delivery');
    expect(await getJob(app.deps.database.db, byA!.id)).toMatchObject({ state: 'running', lockedBy: 'A' });
  });
});
