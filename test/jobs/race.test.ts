import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDatabase, type Database } from '../../src/platform/db/database.ts';
import { claim, enqueue, queueDepth } from '../../src/platform/jobs/queue.ts';
import { JobRegistry } from '../../src/platform/jobs/registry.ts';
import { Worker } from '../../src/platform/jobs/worker.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db.ts';

/**
 * Several workers over one queue never run a job twice. On PostgreSQL each worker group has its own
 * Database (its own pool, so truly concurrent connections); PGlite has one connection per database, so
 * there the workers share it and interleave.
 */
let testDb: TestDatabase;
/** Independent handles on the same database. */
let handles: Database[];

beforeAll(async () => {
  testDb = await createTestDatabase();
  handles = [testDb.database];
  if (testDb.databaseUrl) {
    for (let i = 0; i < 3; i++) handles.push(await createDatabase({ databaseUrl: testDb.databaseUrl, poolSize: 4 }));
  }
});
afterAll(async () => {
  for (const handle of handles.slice(1)) await handle.close();
  await testDb.cleanup();
});
beforeEach(async () => {
  await testDb.database.db.deleteFrom('jobs').execute();
});

async function enqueueMany(count: number, kind: string): Promise<number[]> {
  return testDb.database.db.transaction().execute(async (trx) => {
    const ids: number[] = [];
    for (let i = 0; i < count; i++) ids.push((await enqueue(trx, { kind, payload: { i } })).id);
    return ids;
  });
}

describe(`racing workers on ${process.env.SAC_TEST_DB ?? 'pglite'}`, () => {
  it('concurrent claims from separate connections never hand out one job twice', async () => {
    const ids = await enqueueMany(200, 'race.claim');
    const claimed: number[] = [];
    const rounds = 12;
    await Promise.all(
      Array.from({ length: rounds }, async (_, round) => {
        const handle = handles[round % handles.length]!;
        for (;;) {
          const jobs = await claim(handle.db, {
            workerId: `claimer-${round}`,
            limit: 7,
            leaseMs: 600_000,
            now: new Date(),
          });
          if (jobs.length === 0) return;
          claimed.push(...jobs.map((j) => j.id));
        }
      }),
    );
    expect(claimed.length).toBe(ids.length);
    expect(new Set(claimed).size).toBe(ids.length);
    expect([...claimed].sort((a, b) => a - b)).toEqual(ids);
  });

  it('many workers over many jobs run each job exactly once', async () => {
    const total = 300;
    const runs = new Map<number, string[]>();
    const registry = new JobRegistry();
    registry.define('race.run', async (_payload, { job }) => {
      runs.set(job.id, [...(runs.get(job.id) ?? []), job.lockedBy ?? '?']);
      await new Promise((r) => setTimeout(r, Math.floor(Math.random() * 3)));
    });
    const ids = await enqueueMany(total, 'race.run');
    const workers = Array.from(
      { length: 6 },
      (_, i) =>
        new Worker(handles[i % handles.length]!, registry, {
          workerId: `worker-${i}`,
          concurrency: 4,
          pollIntervalMs: 5,
          leaseMs: 600_000,
        }),
    );
    for (const worker of workers) worker.start();
    try {
      await vi.waitFor(async () => expect((await queueDepth(testDb.database.db)).counts.done).toBe(total), {
        timeout: 50_000,
        interval: 50,
      });
    } finally {
      await Promise.all(workers.map((w) => w.stop()));
    }

    expect([...runs.keys()].sort((a, b) => a - b)).toEqual(ids);
    const twice = [...runs.entries()].filter(([, by]) => by.length !== 1);
    expect(twice).toEqual([]);
    const busyWorkers = new Set([...runs.values()].flat());
    expect(busyWorkers.size).toBeGreaterThan(1);
    expect((await queueDepth(testDb.database.db)).counts).toEqual({ pending: 0, running: 0, done: total, dead: 0 });
  });
});
