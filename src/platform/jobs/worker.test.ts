import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/test-db.ts';
import { ManualClock } from '../clock.ts';
import type { Database } from '../db/database.ts';
import { getJob, queueDepth, retryDead } from './queue.ts';
import { JobRegistry, PermanentJobError } from './registry.ts';
import { Worker } from './worker.ts';

const MIN = 60_000;
let testDb: TestDatabase;
let database: Database;
let clock: ManualClock;

beforeAll(async () => {
  testDb = await createTestDatabase();
  database = testDb.database;
});
afterAll(() => testDb.cleanup());
beforeEach(async () => {
  await database.db.deleteFrom('jobs').execute();
  clock = new ManualClock('2026-01-15T09:00:00Z');
});

/** A promise the test settles by hand. */
function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

function newWorker(registry: JobRegistry, options: ConstructorParameters<typeof Worker>[2] = {}) {
  return new Worker(database, registry, { clock, pollIntervalMs: 5, heartbeatMs: false, ...options });
}

describe(`job worker on ${process.env.SAC_TEST_DB ?? 'pglite'}`, () => {
  it('follows the backoff schedule exactly, then goes dead with the last error', async () => {
    const schedule = [1 * MIN, 5 * MIN, 30 * MIN, 120 * MIN, 720 * MIN, 1440 * MIN, 1440 * MIN];
    const registry = new JobRegistry();
    let calls = 0;
    const send = registry.define(
      'delivery.send',
      async () => {
        calls++;
        throw new Error(`connector returned 503 (call ${calls})`);
      },
      { maxAttempts: 8, backoff: { jitter: 0 } },
    );
    const { id } = await send.enqueue(database.db, { submissionId: 'abc' }, { now: clock.now() });
    const worker = newWorker(registry);

    for (const [index, delay] of schedule.entries()) {
      expect(await worker.runOnce()).toBe(1);
      const job = await getJob(database.db, id);
      expect(job).toMatchObject({ state: 'pending', attempts: index + 1 });
      expect(job!.runAt.getTime() - clock.now().getTime()).toBe(delay);
      clock.advance(delay - 1);
      expect(await worker.runOnce()).toBe(0);
      clock.advance(1);
    }
    expect(await worker.runOnce()).toBe(1);
    expect(calls).toBe(8);
    expect(await getJob(database.db, id)).toMatchObject({
      state: 'dead',
      attempts: 8,
      lastError: 'Error: connector returned 503 (call 8)',
      finishedAt: clock.now(),
    });
  });

  it('sends a permanent error to dead after one attempt; an operator retry runs it again', async () => {
    const registry = new JobRegistry();
    let fixed = false;
    const job = registry.define('payment.check', async () => {
      if (!fixed) throw new PermanentJobError('payment provider rejected the reference');
    });
    const { id } = await job.enqueue(database.db, {}, { now: clock.now() });
    const worker = newWorker(registry);

    expect(await worker.runOnce()).toBe(1);
    expect(await getJob(database.db, id)).toMatchObject({
      state: 'dead',
      attempts: 1,
      lastError: 'PermanentJobError: payment provider rejected the reference',
    });
    expect(await worker.runOnce()).toBe(0);

    fixed = true;
    expect(await retryDead(database.db, id, clock.now())).toBe(true);
    expect(await worker.runOnce()).toBe(1);
    expect(await getJob(database.db, id)).toMatchObject({ state: 'done', attempts: 1 });
  });

  it('runs only the kinds it has handlers for', async () => {
    const registry = new JobRegistry();
    registry.define('known', async () => {});
    await database.db.insertInto('jobs').values({ kind: 'unknown', payload: '{}', run_at: clock.now() }).execute();
    expect(await newWorker(registry).runOnce()).toBe(0);
    expect((await queueDepth(database.db)).counts.pending).toBe(1);
  });

  it('waits for a running handler on graceful stop', async () => {
    const registry = new JobRegistry();
    const started = deferred();
    const proceed = deferred();
    const job = registry.define('slow', async () => {
      started.resolve();
      await proceed.promise;
    });
    const { id } = await job.enqueue(database.db, {}, { now: clock.now() });
    const worker = newWorker(registry, { shutdownTimeoutMs: 60_000 });
    worker.start();
    await started.promise;

    let stopped = false;
    const stopping = worker.stop().then(() => {
      stopped = true;
    });
    await new Promise((r) => setTimeout(r, 50));
    expect(stopped).toBe(false);
    expect(worker.activeCount).toBe(1);
    proceed.resolve();
    await stopping;
    expect(await getJob(database.db, id)).toMatchObject({ state: 'done', attempts: 1 });
  });

  it('claims nothing after stop and releases jobs still running at the shutdown timeout', async () => {
    const registry = new JobRegistry();
    const started = deferred();
    let aborted = false;
    const job = registry.define('stuck', (_payload, { signal }) => {
      started.resolve();
      return new Promise<void>((_resolve, reject) => {
        signal.addEventListener('abort', () => {
          aborted = true;
          reject(signal.reason);
        });
      });
    });
    const { id } = await job.enqueue(database.db, {}, { now: clock.now() });
    const worker = newWorker(registry, { shutdownTimeoutMs: 20 });
    worker.start();
    await started.promise;
    await worker.stop();

    expect(aborted).toBe(true);
    expect(await getJob(database.db, id)).toMatchObject({ state: 'pending', attempts: 0, lockedBy: null });
    await job.enqueue(database.db, {}, { now: clock.now() });
    await new Promise((r) => setTimeout(r, 30));
    expect((await queueDepth(database.db)).counts).toMatchObject({ pending: 2, running: 0 });
  });

  it('runs the job of a worker killed mid-job again on another worker once the lease expires', async () => {
    const registry = new JobRegistry();
    const runs: string[] = [];
    const firstStarted = deferred();
    const neverEnds = deferred();
    const job = registry.define('delivery.send', async (_payload, { job }) => {
      runs.push(job.lockedBy ?? '?');
      if (job.lockedBy === 'doomed') {
        firstStarted.resolve();
        await neverEnds.promise; // the process "dies" here: no completion, no heartbeat, no release
      }
    });
    const { id } = await job.enqueue(database.db, {}, { now: clock.now() });
    const doomed = newWorker(registry, { workerId: 'doomed', concurrency: 1, leaseMs: 5 * MIN });
    doomed.start();
    await firstStarted.promise;

    const survivor = newWorker(registry, { workerId: 'survivor', leaseMs: 5 * MIN });
    expect(await survivor.runOnce()).toBe(0);
    clock.advance(5 * MIN + 1);
    expect(await survivor.runOnce()).toBe(1);
    expect(runs).toEqual(['doomed', 'survivor']);
    expect(await getJob(database.db, id)).toMatchObject({ state: 'done', attempts: 2 });

    // Were the first worker only slow, its late result must not overwrite the survivor's.
    neverEnds.resolve();
    await doomed.stop();
    expect(await getJob(database.db, id)).toMatchObject({ state: 'done', attempts: 2, lockedBy: null });
  });

  it('extends the lease of a long handler and aborts it when the lease is lost', async () => {
    const registry = new JobRegistry();
    const started = deferred();
    let abortReason: unknown;
    const job = registry.define('long', (_payload, { signal }) => {
      started.resolve();
      return new Promise<void>((_resolve, reject) => {
        signal.addEventListener('abort', () => {
          abortReason = signal.reason;
          reject(new Error('aborted'));
        });
      });
    });
    const { id } = await job.enqueue(database.db, {}, { now: clock.now() });
    const worker = newWorker(registry, { workerId: 'long-runner', leaseMs: 5 * MIN, heartbeatMs: 5 });
    worker.start();
    await started.promise;

    clock.advance(4 * MIN);
    const extendedTo = clock.now().getTime() + 5 * MIN;
    await vi.waitFor(async () => expect((await getJob(database.db, id))!.lockedUntil!.getTime()).toBe(extendedTo));
    clock.advance(4 * MIN);
    expect(await newWorker(registry, { workerId: 'other' }).runOnce()).toBe(0);

    // Someone else takes the job over (e.g. after a network partition): the heartbeat notices.
    await database.db.updateTable('jobs').set({ locked_by: 'intruder' }).where('id', '=', id).execute();
    await vi.waitFor(() => expect(abortReason).toBeInstanceOf(Error));
    await worker.stop();
    expect(await getJob(database.db, id)).toMatchObject({ state: 'running', lockedBy: 'intruder', attempts: 1 });
  });
});
