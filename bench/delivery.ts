/**
 * Delivery throughput through the real outbox worker and connectors, against baselines without the database.
 *
 *   node --import tsx bench/delivery.ts                   # PostgreSQL (TEST_DATABASE_URL), about 2 minutes
 *   BENCH_DB=postgres,pglite node --import tsx bench/delivery.ts
 *
 * For each engine, in a fresh throwaway database (test/helpers/test-db.ts) with the demo tenants:
 *
 * 1. Halberstadt offers the shipped **Urkundenbestellung**. BENCH_DELIVERIES (default 100) realistic,
 *    paid submissions are stored as submitApplication leaves them (test/documents/setup.ts: fixture answers,
 *    Kassenzeichen; the fixture has no uploads, so the files are the PDF and the XÖV XML) and released in
 *    one transaction each through the lifecycle (`awaiting_payment → paid → ready_for_delivery`; the
 *    transition hooks render and store the documents of record and create the delivery and its
 *    `delivery.send` job, as in production). The release rate is reported too.
 * 2. **Webhook**: the route posts to a node:http receiver on 127.0.0.1 that verifies every HMAC
 *    (`verifyWebhook`) and counts distinct delivery ids. A real `Worker` (BENCH_CONCURRENCY, default 8)
 *    with the real `delivery.send` job runs until every delivery is `delivered`: build the payload
 *    (decrypt the answers and the stored PDF and XÖV XML, files inline), sign, POST, then mark delivered,
 *    move the submission and complete the job in one transaction.
 * 3. **FIT-Connect-style**: the webhook route is switched off, a destination registers a 2048-bit test key
 *    pair (BENCH_RSA_BITS), a `fit-connect` route points at it, the same number of fresh submissions is
 *    released, and the worker runs again (payload, JWE of metadata, data and files to the key, two PS512
 *    SETs, stored for pull). One stored submission is pulled back and decrypted as a check.
 * 4. **Baselines in the same run**, no database: (a) the same receiver hit by BENCH_CONCURRENCY loops of
 *    signed POSTs of a real envelope (fetch, fresh signature each); (b) `encryptSubmission` of a real
 *    payload to the same key in BENCH_CONCURRENCY loops; and, to show where the time goes, (c) the
 *    worker's `buildDeliveryPayload` alone (database reads, decryption of answers and stored documents).
 *
 * Prints a Markdown table with deliveries per second and the ratio to the matching baseline, and the
 * load average before and after.
 */

import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg } from 'node:os';
import { generateDestinationKeyPair } from '../src/modules/delivery/crypto/keys.ts';
import { decryptSubmission, encryptSubmission } from '../src/modules/delivery/crypto/submission-crypto.ts';
import { metadataInputFor } from '../src/modules/delivery/fit/connector.ts';
import { createDestination, registerDestinationKeys } from '../src/modules/delivery/fit/destinations.ts';
import { buildDeliveryPayload } from '../src/modules/delivery/outbox/build-payload.ts';
import { createDeliveryJob } from '../src/modules/delivery/outbox/deliver-job.ts';
import { saveRoute } from '../src/modules/delivery/routes-config/repo.ts';
import { signWebhook, verifyWebhook } from '../src/modules/delivery/webhook/webhook-signature.ts';
import { publishDefinition } from '../src/modules/forms/assistants-store/ops/publish-definition.ts';
import type { AssistantDefinition } from '../src/modules/forms/definition/types.ts';
import { transition } from '../src/modules/submissions/lifecycle/transition.ts';
import { ManualClock, systemClock } from '../src/platform/clock.ts';
import type { DatabaseKind } from '../src/platform/db/database.ts';
import { scoped } from '../src/platform/db/scope.ts';
import { JobRegistry, Worker } from '../src/platform/jobs/index.ts';
import { MemoryMailer } from '../src/platform/mail/mailer.ts';
import { type DocumentsApp, insertSubmission } from '../test/documents/setup.ts';
import { createTestApp } from '../test/helpers/app.ts';
import { loadAssistant } from '../test/pdf/fixtures.ts';

const engines = (process.env.BENCH_DB ?? 'postgres').split(',') as DatabaseKind[];
const N = Number(process.env.BENCH_DELIVERIES ?? 100);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const RSA_BITS = Number(process.env.BENCH_RSA_BITS ?? 2048);
const SECRET = 'whsec_bench_secret_0123456789_abcdefghij';
const ASSISTANT = 'urkundenbestellung';
const TENANT = 'halberstadt';
const TIMEOUT_MS = 120_000;

const load = () =>
  loadavg()
    .map((n) => n.toFixed(1))
    .join(' / ');
const perSecond = (count: number, ms: number) => (count / ms) * 1000;

/** CPU milliseconds (user + system) this process spent since `start`. */
const cpuMsSince = (start: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
};

/** Runs `count` tasks in `concurrency` loops; returns the wall time and this process's CPU time in ms. */
async function loops(
  count: number,
  concurrency: number,
  task: (i: number) => Promise<void>,
): Promise<{ ms: number; cpuMs: number }> {
  let next = 0;
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) await task(next++);
    }),
  );
  return { ms: performance.now() - t0, cpuMs: cpuMsSince(cpu0) };
}

/** A node:http receiver on 127.0.0.1 that verifies the signature of every request and counts delivery ids. */
async function startReceiver() {
  const ids = new Set<string>();
  const stats = { verified: 0, refused: 0 };
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const check = verifyWebhook(Buffer.concat(chunks), req.headers, SECRET, new Date());
    if (!check.ok) {
      stats.refused++;
      res.writeHead(401, { 'content-type': 'application/json' }).end('{"error":"signature"}');
      return;
    }
    stats.verified++;
    ids.add(check.deliveryId);
    res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
  });
  server.keepAliveTimeout = 10_000;
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/eingang`;
  const close = () =>
    new Promise<void>((r) => {
      server.closeAllConnections();
      server.close(() => r());
    });
  return { url, ids, stats, close };
}

interface Row {
  engine: string;
  what: string;
  count: number;
  perSecond: number;
  /** CPU ms of this Node process per item (the PostgreSQL server's CPU is not included). */
  cpuMs: number;
  baseline?: string;
  ratio?: number;
  check: string;
}

async function runEngine(engine: DatabaseKind): Promise<Row[]> {
  process.env.SAC_TEST_DB = engine;
  const app = await createTestApp({
    env: { SAC_OUTBOUND_ALLOW_HOSTS: '127.0.0.1', SAC_OUTBOUND_ALLOW_HTTP: '1' },
    clock: systemClock,
    mailer: new MemoryMailer(),
  });
  const receiver = await startReceiver();
  const rows: Row[] = [];
  try {
    const deps = app.deps;
    const db = deps.database.db;
    const tenantId = app.tenantIds.get(TENANT)!;
    const def: AssistantDefinition = loadAssistant(ASSISTANT);
    await publishDefinition(deps.database, def);
    const docApp = {
      ...app,
      mailer: new MemoryMailer(),
      manualClock: new ManualClock(new Date()),
      definitions: new Map([[ASSISTANT, def]]),
    } as DocumentsApp;
    const service = await db
      .insertInto('services')
      .values({ leika_key: '99000000009911', slug: 'bench-urkunde', name: 'Bench Urkundenbestellung' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const offering = await scoped(db, tenantId)
      .insertInto('offerings', { service_id: service.id, online: true, assistant_id: ASSISTANT })
      .returning('id')
      .executeTakeFirstOrThrow();

    /** Stores `count` paid submissions, then releases each in its own transaction; returns releases/s. */
    async function prepareAndRelease(
      count: number,
    ): Promise<{ ids: string[]; releasesPerSecond: number; cpuMs: number }> {
      const ids: string[] = [];
      for (let i = 0; i < count; i++) {
        const s = await insertSubmission(docApp, ASSISTANT, { tenant: TENANT, paid: 'KZ-2026-000123' });
        await scoped(db, tenantId)
          .updateTable('submissions')
          .set({ offering_id: offering.id, service_id: service.id })
          .where('id', '=', s.id)
          .execute();
        ids.push(s.id);
      }
      const { ms, cpuMs } = await loops(count, CONCURRENCY, async (i) => {
        await db.transaction().execute(async (trx) => {
          for (const to of ['paid', 'ready_for_delivery'] as const) {
            const moved = await transition(trx, deps, { tenantId, submissionId: ids[i]!, to, actor: 'payment:demo' });
            if (!moved.ok) throw new Error(`release failed at ${to}: ${moved.current}`);
          }
        });
      });
      return { ids, releasesPerSecond: perSecond(count, ms), cpuMs: cpuMs / count };
    }

    /** Runs a real worker until `count` deliveries of `connector` are delivered; returns deliveries/s. */
    async function drain(connector: string, count: number) {
      const worker = new Worker(deps.database, new JobRegistry([createDeliveryJob(deps)]), {
        workerId: `bench-${connector}`,
        concurrency: CONCURRENCY,
        pollIntervalMs: 20,
        heartbeatMs: false,
      });
      const counts = async () => {
        const found = await scoped(db, tenantId)
          .selectFrom('deliveries')
          .select(['state'])
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where('connector_id', '=', connector)
          .groupBy('state')
          .execute();
        return Object.fromEntries(found.map((r) => [r.state, Number(r.n)])) as Record<string, number>;
      };
      const t0 = performance.now();
      const cpu0 = process.cpuUsage();
      worker.start();
      let state: Record<string, number> = {};
      while (performance.now() - t0 < TIMEOUT_MS) {
        state = await counts();
        if ((state.delivered ?? 0) + (state.dead ?? 0) >= count) break;
        await new Promise((r) => setTimeout(r, 25));
      }
      const ms = performance.now() - t0;
      const cpuMs = cpuMsSince(cpu0) / Math.max(1, state.delivered ?? 0);
      await worker.stop();
      const failed = Object.entries(state)
        .filter(([s]) => s !== 'delivered')
        .map(([s, n]) => `${s} ${n}`)
        .join(', ');
      return { ms, cpuMs, delivered: state.delivered ?? 0, failed: failed || 'none' };
    }

    // Webhook.
    const webhookRoute = await saveRoute(deps, tenantId, {
      offeringId: offering.id,
      connectorId: 'webhook',
      label: 'Standesamt (Webhook)',
      enabled: true,
      options: { url: receiver.url, secret: SECRET },
    });
    if (!webhookRoute.ok) throw new Error(webhookRoute.problems.join('; '));
    const webhookBatch = await prepareAndRelease(N);
    rows.push({
      engine,
      what: 'release paid submission (2 transitions, documents of record, delivery + job rows)',
      count: N,
      perSecond: webhookBatch.releasesPerSecond,
      cpuMs: webhookBatch.cpuMs,
      check: `${CONCURRENCY} at once`,
    });
    // Warm-up outside the timing: fonts parsed, PDF and JWE code compiled.
    for (let i = 0; i < 3; i++)
      await buildDeliveryPayload(deps, { id: randomUUID(), tenantId, submissionId: webhookBatch.ids[i]! });
    const webhook = await drain('webhook', N);
    const webhookRate = perSecond(webhook.delivered, webhook.ms);
    const received = { verified: receiver.stats.verified, ids: receiver.ids.size, refused: receiver.stats.refused };

    // FIT-Connect-style.
    await scoped(db, tenantId)
      .updateTable('delivery_routes')
      .set({ enabled: false })
      .where('id', '=', webhookRoute.id)
      .execute();
    const keys = await generateDestinationKeyPair(RSA_BITS);
    const destinationId = await createDestination(db, { tenantId, name: 'Standesamt Halberstadt', now: new Date() });
    await registerDestinationKeys(db, {
      tenantId,
      destinationId,
      encryptionKey: keys.encryptionPublicJwk,
      signingKey: keys.signingPublicJwk,
      now: new Date(),
    });
    const fitRoute = await saveRoute(deps, tenantId, {
      offeringId: offering.id,
      connectorId: 'fit-connect',
      label: 'Standesamt (FIT-Connect)',
      enabled: true,
      options: { destinationId },
    });
    if (!fitRoute.ok) throw new Error(fitRoute.problems.join('; '));
    await prepareAndRelease(N);
    const fit = await drain('fit-connect', N);
    const fitRate = perSecond(fit.delivered, fit.ms);
    const stored = await scoped(db, tenantId)
      .selectFrom('fit_submissions')
      .selectAll()
      .where('destination_id', '=', destinationId)
      .execute();
    let decrypts = 'no stored submission';
    const sample = stored[0];
    if (sample?.encrypted_metadata && sample.encrypted_data) {
      const files = await scoped(db, tenantId)
        .selectFrom('fit_attachments')
        .select(['attachment_id', 'content'])
        .where('submission_id', '=', sample.id)
        .execute();
      const decrypted = await decryptSubmission(
        {
          encryptedMetadata: sample.encrypted_metadata,
          encryptedData: sample.encrypted_data,
          encryptedAttachments: Object.fromEntries(files.map((f) => [f.attachment_id, f.content])),
        },
        keys.encryptionPrivateJwk,
      );
      decrypts = decrypted.hashCheck.ok ? 'a sample decrypts, hashes match' : 'sample hash check FAILED';
    }

    // Baselines: a real payload of one delivered webhook delivery.
    const [one] = await scoped(db, tenantId)
      .selectFrom('deliveries')
      .select(['id', 'submission_id'])
      .where('connector_id', '=', 'webhook')
      .limit(1)
      .execute();
    const payload = await buildDeliveryPayload(deps, { id: one!.id, tenantId, submissionId: one!.submission_id });
    const body = JSON.stringify(payload.envelope);
    const before = receiver.stats.verified;
    const bare = await loops(N, CONCURRENCY, async () => {
      const id = randomUUID();
      const headers = signWebhook({ body, secret: SECRET, timestamp: Math.floor(Date.now() / 1000), deliveryId: id });
      const res = await fetch(receiver.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body,
      });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`bare POST answered ${res.status}`);
    });
    const bareRate = perSecond(receiver.stats.verified - before, bare.ms);
    const input = await metadataInputFor(payload);
    const encrypt = await loops(N, CONCURRENCY, async () => {
      await encryptSubmission(input, keys.encryptionPublicJwk);
    });
    const encryptRate = perSecond(N, encrypt.ms);
    const buildCount = Math.max(20, Math.floor(N / 2));
    const build = await loops(buildCount, CONCURRENCY, async () => {
      await buildDeliveryPayload(deps, { id: one!.id, tenantId, submissionId: one!.submission_id });
    });

    const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
    rows.push(
      {
        engine,
        what: 'baseline: signed POST of the same envelope, no database',
        count: N,
        perSecond: bareRate,
        cpuMs: bare.cpuMs / N,
        check: `body ${kb(body.length)}`,
      },
      {
        engine,
        what: '**webhook delivery** through the outbox worker',
        count: webhook.delivered,
        perSecond: webhookRate,
        cpuMs: webhook.cpuMs,
        baseline: 'signed POST',
        ratio: webhookRate / bareRate,
        check: `receiver: ${received.verified} verified, ${received.ids} distinct ids, ${received.refused} refused; not delivered: ${webhook.failed}`,
      },
      {
        engine,
        what: 'baseline: encryptSubmission of the same payload, no database',
        count: N,
        perSecond: encryptRate,
        cpuMs: encrypt.cpuMs / N,
        check: `${RSA_BITS}-bit key, ${payload.files.length} files`,
      },
      {
        engine,
        what: '**FIT-style encrypted delivery** through the outbox worker',
        count: fit.delivered,
        perSecond: fitRate,
        cpuMs: fit.cpuMs,
        baseline: 'encryptSubmission',
        ratio: fitRate / encryptRate,
        check: `stored ${stored.length}/${N}, ${decrypts}, not delivered: ${fit.failed}`,
      },
      {
        engine,
        what: 'for reference: buildDeliveryPayload alone (reads, decryption)',
        count: buildCount,
        perSecond: perSecond(buildCount, build.ms),
        cpuMs: build.cpuMs / buildCount,
        check: `PDF ${kb(payload.files[0]?.size ?? 0)}`,
      },
    );
  } finally {
    await receiver.close();
    await app.close();
  }
  return rows;
}

const loadBefore = load();
const started = Date.now();
const all: Row[] = [];
for (const engine of engines) all.push(...(await runEngine(engine)));
console.log(
  `\n## Delivery throughput (${N} deliveries per connector, worker concurrency ${CONCURRENCY}, ${RSA_BITS}-bit RSA)\n`,
);
console.log('| database | what | n | per second | CPU ms each | vs baseline | check |');
console.log('|---|---|---:|---:|---:|---:|---|');
for (const r of all) {
  const ratio = r.ratio === undefined ? '' : `${(r.ratio * 100).toFixed(1)} % of ${r.baseline}`;
  console.log(
    `| ${r.engine} | ${r.what} | ${r.count} | ${r.perSecond.toFixed(1)} | ${r.cpuMs.toFixed(1)} | ${ratio} | ${r.check} |`,
  );
}
console.log(`\nLoad average before ${loadBefore}, after ${load()}; ${((Date.now() - started) / 1000).toFixed(0)} s.`);
