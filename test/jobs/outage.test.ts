import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/platform/db/database.ts';
import type { DB } from '../../src/platform/db/schema.ts';
import { enqueue, queueDepth } from '../../src/platform/jobs/queue.ts';
import { JobRegistry } from '../../src/platform/jobs/registry.ts';
import { Worker, type WorkerLogger } from '../../src/platform/jobs/worker.ts';
import { createTestDatabase, type TestDatabase, testDatabaseKind, testServerUrl } from '../helpers/test-db.ts';

/**
 * F-03 in small: the database drops every connection under a running worker; the worker keeps going.
 *
 * The worker gets its own pool here that also listens for errors on checked-out clients. pg emits
 * 'error' on a client whose connection dies while it is checked out, and without a listener that is an
 * uncaught exception that ends the process; the pool's own 'error' event covers idle clients only.
 */
const kind = testDatabaseKind();
let testDb: TestDatabase;
let pool: pg.Pool;
let database: Database;

beforeAll(async () => {
  if (kind !== 'postgres') return;
  testDb = await createTestDatabase('postgres');
  pool = new pg.Pool({ connectionString: testDb.databaseUrl, max: 4 });
  pool.on('error', () => {});
  pool.on('connect', (client) => client.on('error', () => {}));
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  const unused = () => Promise.reject(new Error('not used in this test'));
  database = { kind: 'postgres', db, exec: unused, withConnection: unused, close: () => db.destroy() };
});
afterAll(async () => {
  await database?.close();
  await testDb?.cleanup();
});

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
      await enqueue(database.db, { kind: 'outage.test', payload: { i } });
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
    const worker = new Worker(database, registry, { pollIntervalMs: 5, logger });
    worker.start();
    try {
      await terminateConnections(new URL(testDb.databaseUrl!).pathname.slice(1));
      for (let i = 0; i < 20; i++) await enqueueRetrying(i);
      await expect.poll(async () => (await queueDepth(database.db)).counts.done, { timeout: 20_000 }).toBe(20);
    } finally {
      await worker.stop();
    }
    expect(ran).toBe(20);
    expect(errors.every((message) => message === 'job poll failed')).toBe(true);
  });
});
