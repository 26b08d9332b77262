import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueue, queueDepth } from '../../src/platform/jobs/queue.ts';
import { JobRegistry } from '../../src/platform/jobs/registry.ts';
import { Worker, type WorkerLogger } from '../../src/platform/jobs/worker.ts';
import { createTestDatabase, type TestDatabase, testDatabaseKind, testServerUrl } from '../helpers/test-db.ts';

/** F-03 in small: the database drops every connection under a running worker; it keeps going. */
const kind = testDatabaseKind();
let testDb: TestDatabase;

beforeAll(async () => {
  if (kind === 'postgres') testDb = await createTestDatabase('postgres');
});
afterAll(() => testDb?.cleanup());

async function terminateConnections(databaseName: string): Promise<void> {
  const admin = new pg.Client({ connectionString: testServerUrl });
  await admin.connect();
  try {
    await admin.query(
      'select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
      [databaseName],
    );
  } finally {
    await admin.end();
  }
}

/** The web side sees the outage too (a pooled connection may be dead): retry like a client would. */
async function enqueueRetrying(i: number): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await enqueue(testDb.database.db, { kind: 'outage.test', payload: { i } });
      return;
    } catch (error) {
      if (attempt >= 5) throw error;
    }
  }
}

describe.skipIf(kind !== 'postgres')('worker during a database outage (postgres)', () => {
  it('survives dropped connections and finishes the jobs afterwards', async () => {
    const errors: string[] = [];
    const logger: WorkerLogger = { info() {}, warn() {}, error: (_fields, message) => errors.push(message) };
    const registry = new JobRegistry();
    let ran = 0;
    registry.define('outage.test', async () => {
      ran++;
    });
    const worker = new Worker(testDb.database, registry, { pollIntervalMs: 5, logger });
    worker.start();
    try {
      await terminateConnections(new URL(testDb.databaseUrl!).pathname.slice(1));
      for (let i = 0; i < 20; i++) await enqueueRetrying(i);
      await expect.poll(async () => (await queueDepth(testDb.database.db)).counts.done, { timeout: 20_000 }).toBe(20);
    } finally {
      await worker.stop();
    }
    expect(ran).toBe(20);
    expect(errors.every((message) => message === 'job poll failed')).toBe(true);
  });
});
