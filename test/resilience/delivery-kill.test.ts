import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { buildJobRegistry } from '../../src/jobs.ts';
import type { Clock } from '../../src/platform/clock.ts';
import { createDatabase, type Database } from '../../src/platform/db/database.ts';
import { createDeps } from '../../src/platform/deps.ts';
import { Worker } from '../../src/platform/jobs/worker.ts';
import { createLogger } from '../../src/platform/logger.ts';
import { MemoryMailer } from '../../src/platform/mail/mailer.ts';
import { createDeliveryTestApp, SECRET, startReceiver } from '../delivery-outbox/setup.ts';
import { testDatabaseKind } from '../helpers/test-db.ts';

/**
 * F-02 with a real process: a worker child (the real job registry) delivers webhooks to a recording
 * receiver and is killed with SIGKILL after the receiver answered 200 for the third delivery but before
 * the delivery or its job is marked. After its lease expired a second worker finishes everything: each
 * delivery ends delivered, the killed one's idempotency key reaches the receiver twice, and the receiver
 * (de-duplicating by key) counts exactly one delivery per delivery row.
 */
const kind = testDatabaseKind();
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const fixture = path.join(repoRoot, 'test/resilience/fixtures/delivery-worker.ts');
const DELIVERIES = 5;
const KILL_AT = 3;
const cleanups: Array<() => Promise<void> | void> = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/** Starts the child and kills it with SIGKILL once it reports the KILL_AT-th answer; returns that key. */
async function runChildAndKill(env: Record<string, string>): Promise<string> {
  const child = spawn(process.execPath, ['--import', 'tsx', fixture], {
    cwd: repoRoot,
    env: { ...process.env, ...env, SAC_TEST_HANG_AFTER_RESPONSE: String(KILL_AT) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  cleanups.push(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const key = await new Promise<string>((resolve, reject) => {
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /answered (\S+) (\d+)\n/.exec(stdout);
      if (match) resolve(match[1]!);
    });
    child.on('exit', (code) => reject(new Error(`child exited early (${code}): ${stderr.slice(0, 2000)}`)));
  });
  child.kill('SIGKILL');
  expect(await exited).toBe('SIGKILL');
  return key;
}

describe(`F-02: worker process killed after the webhook answered (${kind})`, () => {
  it('re-sends the same idempotency key after the lease expired; every delivery ends delivered once', async () => {
    const env = { SAC_OUTBOUND_ALLOW_HOSTS: '127.0.0.1', SAC_OUTBOUND_ALLOW_HTTP: '1' };
    const app = await createDeliveryTestApp(env);
    cleanups.push(() => app.close());
    const receiver = await startReceiver({ now: () => new Date() }, [200]);
    cleanups.push(() => receiver.close());
    await app.addRoute('webhook', { url: receiver.url, secret: SECRET }, { skipCheck: true });
    const submissions: string[] = [];
    for (let i = 0; i < DELIVERIES; i++) submissions.push(await app.release());

    const childEnv: Record<string, string> = { ...env, SAC_DATA_DIR: app.config.dataDir };
    let database: Database = app.deps.database;
    if (kind === 'postgres') {
      childEnv.SAC_TEST_DATABASE_URL = app.testDb.databaseUrl!;
    } else {
      // PGlite: one process per data directory. The child creates one from a dump of the test database;
      // after the kill this process opens it.
      const dir = mkdtempSync(path.join(tmpdir(), 'sac-f02-'));
      cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
      const template = path.join(dir, 'template.tar');
      writeFileSync(template, Buffer.from(await (await app.deps.database.dumpTemplate!()).arrayBuffer()));
      childEnv.SAC_TEST_PGLITE_DIR = path.join(dir, 'pgdata');
      childEnv.SAC_TEST_PGLITE_TEMPLATE = template;
    }
    const killedKey = await runChildAndKill(childEnv);
    if (kind === 'pglite') {
      database = await createDatabase({ pgliteDir: childEnv.SAC_TEST_PGLITE_DIR });
      cleanups.push(() => database.close());
    }
    const db = database.db;
    expect(receiver.requests).toHaveLength(KILL_AT);

    // The killed attempt: the receiver has it, SAC has not recorded it.
    const stranded = await db
      .selectFrom('jobs')
      .select(['state', 'locked_by', 'attempts'])
      .where('dedupe_key', '=', `delivery.send:${killedKey}`)
      .executeTakeFirstOrThrow();
    expect(stranded).toMatchObject({ state: 'running', locked_by: 'doomed-child', attempts: 1 });
    const killedRow = await db
      .selectFrom('deliveries')
      .select('state')
      .where('id', '=', killedKey)
      .where('tenant_id', '=', app.tenantIds.get('magdeburg')!)
      .executeTakeFirstOrThrow();
    expect(killedRow.state).toBe('in_progress');

    // The second worker: before the child's 60 s lease is over it leaves the stranded job alone.
    const deps = (clock: Clock) =>
      createDeps(app.config, database, createLogger('silent'), { clock, mailer: new MemoryMailer() });
    const early = new Worker(database, buildJobRegistry(deps({ now: () => new Date() })), {
      workerId: 'early',
      heartbeatMs: false,
    });
    for (let round = 0; round < 10 && (await early.runOnce()) > 0; round++) {}
    expect(
      await db
        .selectFrom('jobs')
        .select('state')
        .where('dedupe_key', '=', `delivery.send:${killedKey}`)
        .executeTakeFirstOrThrow(),
    ).toEqual({ state: 'running' });
    const afterLease: Clock = { now: () => new Date(Date.now() + 10 * 60_000) };
    const survivor = new Worker(database, buildJobRegistry(deps(afterLease)), {
      workerId: 'survivor',
      heartbeatMs: false,
      clock: afterLease,
    });
    for (let round = 0; round < 10 && (await survivor.runOnce()) > 0; round++) {}

    const rows = await db
      .selectFrom('deliveries')
      .select(['id', 'state', 'attempts', 'submission_id'])
      .where('tenant_id', '=', app.tenantIds.get('magdeburg')!)
      .execute();
    expect(rows).toHaveLength(DELIVERIES);
    expect(rows.map((r) => r.state)).toEqual(Array(DELIVERIES).fill('delivered'));
    expect(rows.find((r) => r.id === killedKey)!.attempts).toBe(2);
    const jobs = await db.selectFrom('jobs').select(['state']).where('kind', '=', 'delivery.send').execute();
    expect(jobs.map((j) => j.state)).toEqual(Array(DELIVERIES).fill('done'));
    const states = await db
      .selectFrom('submissions')
      .select('state')
      .where('tenant_id', '=', app.tenantIds.get('magdeburg')!)
      .where('id', 'in', submissions)
      .execute();
    expect(states.map((s) => s.state)).toEqual(Array(DELIVERIES).fill('delivered'));

    const keys = receiver.requests.map((r) => String(r.headers['idempotency-key']));
    expect(keys).toHaveLength(DELIVERIES + 1);
    expect(keys.filter((k) => k === killedKey)).toHaveLength(2);
    expect(new Set(keys)).toEqual(new Set(rows.map((r) => r.id)));
    expect(new Set(receiver.requests.map((r) => r.envelope.metadata?.deliveryId))).toEqual(new Set(keys));
    console.log(
      `F-02 (${kind}): killed after ${KILL_AT} answers; receiver saw ${keys.length} requests, ` +
        `${new Set(keys).size} unique keys for ${rows.length} deliveries`,
    );
  }, 300_000);
});
