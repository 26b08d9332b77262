import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { Clock } from '../../src/platform/clock.ts';
import { createDatabase, type Database } from '../../src/platform/db/database.ts';
import { migrate } from '../../src/platform/db/migrate.ts';
import { enqueue, getJob } from '../../src/platform/jobs/queue.ts';
import { JobRegistry } from '../../src/platform/jobs/registry.ts';
import { Worker } from '../../src/platform/jobs/worker.ts';
import { createTestDatabase, type TestDatabase, testDatabaseKind } from '../helpers/test-db.ts';

/**
 * F-02: a worker process killed with SIGKILL mid-job (no completion, no release) leaves the job running
 * under its lease; once the lease expires another worker runs it to the end.
 */
const kind = testDatabaseKind();
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const fixture = path.join(repoRoot, 'test/jobs/fixtures/hanging-worker.ts');
const cleanups: Array<() => Promise<void> | void> = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/** Starts the child worker, waits until it has begun job `id`, and kills it with SIGKILL. */
async function runChildAndKillMidJob(env: Record<string, string>, id: number): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', fixture], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  await new Promise<void>((resolve, reject) => {
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stdout.includes(`started ${id}\n`)) resolve();
    });
    child.on('exit', (code) => reject(new Error(`child exited early (${code}): ${stderr.slice(0, 2000)}`)));
  });
  child.kill('SIGKILL');
  expect(await exited).toBe('SIGKILL');
}

/** A clock ten minutes ahead: the child's 60 s lease has expired for this worker. */
const afterLease: Clock = { now: () => new Date(Date.now() + 10 * 60_000) };

async function expectSurvivorFinishes(database: Database, id: number): Promise<void> {
  const stranded = await getJob(database.db, id);
  expect(stranded).toMatchObject({ state: 'running', lockedBy: 'doomed-child', attempts: 1 });

  const ran: number[] = [];
  const registry = new JobRegistry();
  registry.define('crash.test', async (_payload, { job }) => {
    ran.push(job.id);
  });
  expect(await new Worker(database, registry, { workerId: 'too-early' }).runOnce()).toBe(0);
  const survivor = new Worker(database, registry, { workerId: 'survivor', clock: afterLease });
  expect(await survivor.runOnce()).toBe(1);
  expect(ran).toEqual([id]);
  expect(await getJob(database.db, id)).toMatchObject({ state: 'done', attempts: 2 });
}

describe(`worker killed with SIGKILL on ${kind}`, () => {
  it('has its lease expire and the job runs again on another worker', async () => {
    if (kind === 'postgres') {
      const testDb: TestDatabase = await createTestDatabase('postgres');
      cleanups.push(() => testDb.cleanup());
      const { id } = await enqueue(testDb.database.db, { kind: 'crash.test', payload: {} });
      await runChildAndKillMidJob({ SAC_TEST_DATABASE_URL: testDb.databaseUrl! }, id);
      await expectSurvivorFinishes(testDb.database, id);
      return;
    }
    // PGlite: one process owns the data directory at a time, so the parent closes it while the child runs.
    const dir = mkdtempSync(path.join(tmpdir(), 'sac-jobs-kill-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const pgliteDir = path.join(dir, 'pgdata');
    let database = await createDatabase({ pgliteDir });
    await migrate(database);
    const { id } = await enqueue(database.db, { kind: 'crash.test', payload: {} });
    await database.close();
    await runChildAndKillMidJob({ SAC_TEST_PGLITE_DIR: pgliteDir }, id);
    database = await createDatabase({ pgliteDir });
    cleanups.push(() => database.close());
    await expectSurvivorFinishes(database, id);
    // Three PGlite starts on disk (initdb, child, reopen) plus a child process: slow on a loaded machine.
  }, 240_000);
});
