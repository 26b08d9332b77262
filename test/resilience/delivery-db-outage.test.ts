import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDeliveryJob } from '../../src/modules/delivery/outbox/deliver-job.ts';
import { JobRegistry, Worker } from '../../src/platform/jobs/index.ts';
import type { WorkerLogger } from '../../src/platform/jobs/worker.ts';
import {
  createDeliveryTestApp,
  type DeliveryTestApp,
  MINUTE,
  SECRET,
  startReceiver,
  stateOf,
  type TestReceiver,
} from '../delivery-outbox/setup.ts';
import { testDatabaseKind, testServerUrl } from '../helpers/test-db.ts';

/**
 * F-03: the database drops every connection of the running outbox worker again and again while it
 * delivers (pg_terminate_backend from a separate connection; the shared server is not restarted, other
 * test files use it). Afterwards nothing stays running, every delivery ends delivered, and the receiver
 * counts exactly one unique key per delivery (it may see a key twice when a result could not be recorded).
 * PostgreSQL only: PGlite runs inside the process and has no connections to drop.
 */
const kind = testDatabaseKind();
const DELIVERIES = 20;

describe.skipIf(kind !== 'postgres')(
  'delivery during a database outage (postgres only; PGlite has no connections to drop)',
  () => {
    let app: DeliveryTestApp;
    let receiver: TestReceiver;
    let admin: pg.Client;

    beforeAll(async () => {
      app = await createDeliveryTestApp({ SAC_OUTBOUND_ALLOW_HOSTS: '127.0.0.1', SAC_OUTBOUND_ALLOW_HTTP: '1' });
      admin = new pg.Client({ connectionString: testServerUrl });
      await admin.connect();
    });
    afterAll(async () => {
      await admin?.end();
      await receiver?.close();
      await app?.close();
    });

    it('keeps delivering: no job stays running, every delivery is delivered, one unique key each', async () => {
      const slow = (res: import('node:http').ServerResponse) =>
        setTimeout(() => res.writeHead(200, { 'content-type': 'application/json' }).end('{}'), 15);
      receiver = await startReceiver(app.clock, [slow]);
      await app.addRoute('webhook', { url: receiver.url, secret: SECRET }, { skipCheck: true });
      const submissions: string[] = [];
      for (let i = 0; i < DELIVERIES; i++) submissions.push(await app.release());

      const logged: string[] = [];
      const logger: WorkerLogger = {
        info() {},
        warn: (_fields, message) => logged.push(message),
        error: (_fields, message) => logged.push(message),
      };
      const registry = new JobRegistry([createDeliveryJob(app.deps, { backoff: { jitter: 0 } })]);
      const worker = new Worker(app.deps.database, registry, {
        workerId: 'outage-worker',
        clock: app.clock,
        pollIntervalMs: 5,
        heartbeatMs: false,
        logger,
      });
      const databaseName = new URL(app.testDb.databaseUrl!).pathname.slice(1);
      let terminated = 0;
      worker.start();
      try {
        await expect.poll(() => receiver.requests.length, { timeout: 20_000, interval: 5 }).toBeGreaterThanOrEqual(3);
        // The outage: for 400 ms every connection to the test database is cut as soon as it appears.
        const until = Date.now() + 400;
        while (Date.now() < until) {
          const result = await admin.query(
            'select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
            [databaseName],
          );
          terminated += result.rowCount ?? 0;
          await new Promise((r) => setTimeout(r, 5));
        }
        // Recovery: jobs that failed wait for their backoff, jobs whose result was lost for their lease
        // (5 min); the manual clock moves past both until everything is delivered.
        for (let round = 0; round < 40; round++) {
          await new Promise((r) => setTimeout(r, 150));
          const rows = await app.deps.database.db
            .selectFrom('deliveries')
            .select('state')
            .where('tenant_id', '=', app.tenantIds.get('magdeburg')!)
            .execute()
            .catch(() => []);
          if (rows.length === DELIVERIES && rows.every((r) => r.state === 'delivered') && worker.activeCount === 0)
            break;
          // Only between runs: moving time under a running handler would take its lease away.
          if (worker.activeCount === 0) app.clock.advance(31 * MINUTE);
        }
      } finally {
        await worker.stop();
      }

      const db = app.deps.database.db;
      const rows = await db
        .selectFrom('deliveries')
        .select(['id', 'state', 'attempts'])
        .where('tenant_id', '=', app.tenantIds.get('magdeburg')!)
        .execute();
      expect(rows.map((r) => r.state)).toEqual(Array(DELIVERIES).fill('delivered'));
      const jobs = await db
        .selectFrom('jobs')
        .select(['state', 'attempts'])
        .where('kind', '=', 'delivery.send')
        .execute();
      expect(jobs.map((j) => j.state)).toEqual(Array(DELIVERIES).fill('done'));
      for (const id of submissions) expect(await stateOf(app, id)).toBe('delivered');
      const keys = receiver.requests.map((r) => String(r.headers['idempotency-key']));
      expect(new Set(keys)).toEqual(new Set(rows.map((r) => r.id)));
      // The outage happened and the worker noticed it (a logged error, a retried job or a lost result).
      expect(terminated).toBeGreaterThan(0);
      const retried = jobs.filter((j) => j.attempts > 1).length;
      expect(logged.length + retried).toBeGreaterThan(0);
      expect(logged).not.toContain('job dead');
      console.log(
        `F-03 (postgres): ${terminated} backends terminated; worker logged ${logged.length} errors ` +
          `(${[...new Set(logged)].join(' | ')}); ${retried} jobs retried; receiver saw ${keys.length} requests, ` +
          `${new Set(keys).size} unique keys for ${rows.length} deliveries`,
      );
    }, 120_000);
  },
);
