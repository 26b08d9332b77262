import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/test-db.ts';
import { ManualClock } from '../clock.ts';
import type { Database } from '../db/database.ts';
import {
  claim,
  complete,
  describeError,
  enqueue,
  extendLease,
  fail,
  getJob,
  queueDepth,
  reapExpiredLeases,
  releaseLease,
  rerunFinished,
  retryDead,
} from './queue.ts';

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

const lease = { leaseMs: 5 * MIN };
const add = (kind = 'test.job', extra: Partial<Parameters<typeof enqueue>[1]> = {}) =>
  enqueue(database.db, { kind, payload: { n: 1 }, now: clock.now(), ...extra });

describe(`job queue on ${process.env.SAC_TEST_DB ?? 'pglite'}`, () => {
  it('enqueues inside the caller transaction: a rollback leaves no job, a commit keeps it', async () => {
    await expect(
      database.db.transaction().execute(async (trx) => {
        await enqueue(trx, { kind: 'test.job', payload: { n: 1 } });
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    expect((await queueDepth(database.db)).counts.pending).toBe(0);

    const { id } = await database.db
      .transaction()
      .execute((trx) => enqueue(trx, { kind: 'test.job', payload: { n: 2 } }));
    const job = await getJob(database.db, id);
    expect(job).toMatchObject({ kind: 'test.job', payload: { n: 2 }, state: 'pending', attempts: 0, maxAttempts: 10 });
  });

  it('keeps one job per dedupe key', async () => {
    const first = await add('test.job', { dedupeKey: 'submission-1' });
    const second = await add('test.job', { dedupeKey: 'submission-1' });
    const other = await add('test.job', { dedupeKey: 'submission-2' });
    expect(first.created).toBe(true);
    expect(second).toEqual({ id: first.id, created: false });
    expect(other.id).not.toBe(first.id);
    expect((await queueDepth(database.db)).counts.pending).toBe(2);
  });

  it('claims due jobs of the requested kinds in run_at order and leases them', async () => {
    const later = await add('test.job', { runAt: new Date(clock.now().getTime() + MIN) });
    const early = await add('test.job', { runAt: new Date(clock.now().getTime() - MIN) });
    const now = await add('test.job');
    await add('other.job');

    const claimed = await claim(database.db, {
      workerId: 'w1',
      kinds: ['test.job'],
      limit: 10,
      now: clock.now(),
      ...lease,
    });
    expect(claimed.map((j) => j.id)).toEqual([early.id, now.id]);
    expect(claimed[0]).toMatchObject({ state: 'running', attempts: 1, lockedBy: 'w1' });
    expect(claimed[0]!.lockedUntil!.getTime()).toBe(clock.now().getTime() + 5 * MIN);

    clock.advance(MIN);
    const next = await claim(database.db, { workerId: 'w1', limit: 10, now: clock.now(), ...lease });
    expect(next.map((j) => j.kind).sort()).toEqual(['other.job', 'test.job']);
    expect(next.map((j) => j.id)).toContain(later.id);
    expect(await claim(database.db, { workerId: 'w1', kinds: [], limit: 10, now: clock.now(), ...lease })).toEqual([]);
  });

  it('lets another worker take over a job whose lease expired; the old worker cannot overwrite', async () => {
    const { id } = await add();
    await claim(database.db, { workerId: 'w1', limit: 1, now: clock.now(), ...lease });
    clock.advance(5 * MIN);
    expect(await claim(database.db, { workerId: 'w2', limit: 1, now: clock.now(), ...lease })).toEqual([]);
    clock.advance(1);
    const [taken] = await claim(database.db, { workerId: 'w2', limit: 1, now: clock.now(), ...lease });
    expect(taken).toMatchObject({ id, lockedBy: 'w2', attempts: 2 });

    expect(await complete(database.db, { id, workerId: 'w1', now: clock.now() })).toBe(false);
    expect(
      await fail(database.db, { id, workerId: 'w1', now: clock.now(), error: new Error('x'), retryInMs: MIN }),
    ).toBe('lost');
    expect(await extendLease(database.db, { id, workerId: 'w1', now: clock.now(), ...lease })).toBe(false);
    expect(await complete(database.db, { id, workerId: 'w2', now: clock.now() })).toBe(true);
    expect(await getJob(database.db, id)).toMatchObject({ state: 'done', lockedBy: null, finishedAt: clock.now() });
  });

  it('extends the lease of the holder', async () => {
    const { id } = await add();
    await claim(database.db, { workerId: 'w1', limit: 1, now: clock.now(), ...lease });
    clock.advance(4 * MIN);
    expect(await extendLease(database.db, { id, workerId: 'w1', now: clock.now(), ...lease })).toBe(true);
    clock.advance(4 * MIN);
    expect(await claim(database.db, { workerId: 'w2', limit: 1, now: clock.now(), ...lease })).toEqual([]);
  });

  it('retries a failed attempt after the delay and goes dead when told or when attempts are used up', async () => {
    const { id } = await add('test.job', { maxAttempts: 2 });
    await claim(database.db, { workerId: 'w1', limit: 1, now: clock.now(), ...lease });
    expect(
      await fail(database.db, { id, workerId: 'w1', now: clock.now(), error: new Error('503'), retryInMs: MIN }),
    ).toBe('retry');
    expect(await getJob(database.db, id)).toMatchObject({
      state: 'pending',
      attempts: 1,
      lastError: 'Error: 503',
      runAt: new Date(clock.now().getTime() + MIN),
      lockedBy: null,
    });

    clock.advance(MIN);
    await claim(database.db, { workerId: 'w1', limit: 1, now: clock.now(), ...lease });
    expect(
      await fail(database.db, { id, workerId: 'w1', now: clock.now(), error: new Error('503'), retryInMs: MIN }),
    ).toBe('dead');
    expect(await getJob(database.db, id)).toMatchObject({ state: 'dead', attempts: 2, finishedAt: clock.now() });

    const permanent = await add();
    await claim(database.db, { workerId: 'w1', limit: 1, now: clock.now(), ...lease });
    expect(
      await fail(database.db, {
        id: permanent.id,
        workerId: 'w1',
        now: clock.now(),
        error: new Error('bad'),
        retryInMs: null,
      }),
    ).toBe('dead');
  });

  it('keeps only a short first line of an error', () => {
    const text = describeError(new TypeError(`${'x'.repeat(600)}\nsecond line`));
    expect(text.length).toBe(500);
    expect(text.startsWith('TypeError: xxx')).toBe(true);
    expect(describeError(new Error('a\nb'))).toBe('Error: a');
    expect(describeError('plain')).toBe('Error: plain');
  });

  it('marks a job dead when the lease of its last attempt expires', async () => {
    const { id } = await add('test.job', { maxAttempts: 1 });
    await claim(database.db, { workerId: 'w1', limit: 1, now: clock.now(), ...lease });
    clock.advance(10 * MIN);
    expect(await claim(database.db, { workerId: 'w2', limit: 1, now: clock.now(), ...lease })).toEqual([]);
    expect(await reapExpiredLeases(database.db, clock.now())).toBe(1);
    expect(await getJob(database.db, id)).toMatchObject({
      state: 'dead',
      lastError: expect.stringContaining('Lease expired'),
    });
  });

  it('runs a done job again only on request, and never one that is pending or running', async () => {
    const { id } = await add('test.job');
    expect(await rerunFinished(database.db, id, clock.now())).toBe(false);
    await claim(database.db, { workerId: 'w1', limit: 1, now: clock.now(), ...lease });
    expect(await rerunFinished(database.db, id, clock.now())).toBe(false);
    expect(await complete(database.db, { id, workerId: 'w1', now: clock.now() })).toBe(true);
    clock.advance(MIN);
    expect(await rerunFinished(database.db, id, clock.now())).toBe(true);
    expect(await getJob(database.db, id)).toMatchObject({ state: 'pending', attempts: 0, runAt: clock.now() });
    expect((await getJob(database.db, id))!.finishedAt).toBeNull();
  });

  it('retries a dead job manually with fresh attempts', async () => {
    const { id } = await add('test.job', { maxAttempts: 1 });
    expect(await retryDead(database.db, id, clock.now())).toBe(false);
    await claim(database.db, { workerId: 'w1', limit: 1, now: clock.now(), ...lease });
    await fail(database.db, { id, workerId: 'w1', now: clock.now(), error: new Error('down'), retryInMs: null });
    clock.advance(MIN);
    expect(await retryDead(database.db, id, clock.now())).toBe(true);
    expect(await getJob(database.db, id)).toMatchObject({
      state: 'pending',
      attempts: 0,
      runAt: clock.now(),
      lastError: 'Error: down',
    });
    expect(await claim(database.db, { workerId: 'w1', limit: 1, now: clock.now(), ...lease })).toHaveLength(1);
  });

  it('releases a lease without counting the attempt', async () => {
    const { id } = await add();
    await claim(database.db, { workerId: 'w1', limit: 1, now: clock.now(), ...lease });
    expect(await releaseLease(database.db, { id, workerId: 'w2', now: clock.now() })).toBe(false);
    expect(await releaseLease(database.db, { id, workerId: 'w1', now: clock.now() })).toBe(true);
    expect(await getJob(database.db, id)).toMatchObject({ state: 'pending', attempts: 0, lockedBy: null });
    expect(await claim(database.db, { workerId: 'w2', limit: 1, now: clock.now(), ...lease })).toHaveLength(1);
  });

  it('reports queue depth by state and the age of the oldest pending job', async () => {
    expect(await queueDepth(database.db, clock.now())).toEqual({
      counts: { pending: 0, running: 0, done: 0, dead: 0 },
      oldestPendingAgeSeconds: null,
      oldestDueWaitSeconds: null,
    });
    await add(); // created at t0
    clock.advance(MIN);
    await add('test.job', { runAt: new Date(clock.now().getTime() + 60 * MIN) });
    for (let i = 0; i < 3; i++) await add('other.job');
    const [running, done, dead] = await claim(database.db, {
      workerId: 'w1',
      kinds: ['other.job'],
      limit: 3,
      now: clock.now(),
      ...lease,
    });
    await complete(database.db, { id: done!.id, workerId: 'w1', now: clock.now() });
    await fail(database.db, { id: dead!.id, workerId: 'w1', now: clock.now(), error: new Error('x'), retryInMs: null });
    expect(running).toBeDefined();
    clock.advance(2 * MIN);
    expect(await queueDepth(database.db, clock.now())).toEqual({
      counts: { pending: 2, running: 1, done: 1, dead: 1 },
      oldestPendingAgeSeconds: 180,
      oldestDueWaitSeconds: 180,
    });
  });
});
