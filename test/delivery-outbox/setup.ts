import { randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createDeliveryJob } from '../../src/modules/delivery/outbox/deliver-job.ts';
import { saveRoute } from '../../src/modules/delivery/routes-config/repo.ts';
import { verifyWebhook } from '../../src/modules/delivery/webhook/webhook-signature.ts';
import type { AssistantDefinition } from '../../src/modules/forms/definition/types.ts';
import { transition } from '../../src/modules/submissions/lifecycle/transition.ts';
import { scoped } from '../../src/platform/db/scope.ts';
import { JobRegistry, Worker } from '../../src/platform/jobs/index.ts';
import { createFormsApp, exampleDefinition, type FormsApp } from '../forms/forms-app.ts';
import { completeJourney } from '../forms/journey.ts';
import { Browser } from '../helpers/app.ts';

export const SECRET = 'whsec_test_secret_0123456789_abcdefghij';
export const MINUTE = 60_000;

export interface DeliveryTestApp extends FormsApp {
  def: AssistantDefinition;
  offeringId(slug?: string): Promise<string>;
  addRoute(
    connectorId: string,
    options: Record<string, unknown>,
    extra?: { slug?: string; enabled?: boolean; skipCheck?: boolean; label?: string },
  ): Promise<string>;
  /** Inserts a submission and releases it for delivery in one transaction (the hook runs inside it). */
  release(slug?: string, opts?: { rollback?: boolean }): Promise<string>;
  /** A worker running only `delivery.send`, without jitter (exact backoff) and without heartbeat. */
  worker(id?: string): Worker;
  /** A webhook receiver (startReceiver) that `reset()` closes. */
  receiver(answers?: TestReceiver['answers']): Promise<TestReceiver>;
  /** After each test: closes the receivers and removes delivery jobs, deliveries and routes. */
  reset(): Promise<void>;
}

/** The forms test app (manual clock, memory mailer) with a free copy of the example assistant offered. */
export async function createDeliveryTestApp(env: Record<string, string> = {}): Promise<DeliveryTestApp> {
  const app = await createFormsApp({ env });
  const def = structuredClone(exampleDefinition);
  def.id = 'zustellung-beispiel';
  def.fees = [];
  await app.offer(def, ['magdeburg', 'halberstadt']);
  const db = app.deps.database.db;
  const receivers: TestReceiver[] = [];
  const offeringId = async (slug = 'magdeburg') =>
    (
      await scoped(db, app.tenantIds.get(slug)!)
        .selectFrom('offerings')
        .select('id')
        .where('assistant_id', '=', def.id)
        .executeTakeFirstOrThrow()
    ).id;
  return {
    ...app,
    def,
    offeringId,
    async addRoute(connectorId, options, extra = {}) {
      const slug = extra.slug ?? 'magdeburg';
      const result = await saveRoute(
        app.deps,
        app.tenantIds.get(slug)!,
        {
          offeringId: await offeringId(slug),
          connectorId,
          label: extra.label ?? `${connectorId} route`,
          enabled: extra.enabled ?? true,
          options,
        },
        { skipCheck: extra.skipCheck ?? false },
      );
      if (!result.ok) throw new Error(result.problems.join('; '));
      return result.id;
    },
    async release(slug = 'magdeburg', opts = {}) {
      const tenantId = app.tenantIds.get(slug)!;
      const id = randomUUID();
      const now = app.clock.now();
      const offering = await offeringId(slug);
      const service = await scoped(db, tenantId)
        .selectFrom('offerings')
        .select('service_id')
        .where('id', '=', offering)
        .executeTakeFirstOrThrow();
      await db.transaction().execute(async (trx) => {
        await scoped(trx, tenantId)
          .insertInto('submissions', {
            id,
            draft_id: randomUUID(),
            offering_id: offering,
            service_id: service.service_id,
            assistant_id: def.id,
            assistant_version: def.version,
            reference: `MD-${id.slice(0, 4).toUpperCase()}-${id.slice(4, 8).toUpperCase()}`,
            answers: app.deps.cipher.encryptJson({ vorname: 'Erika', familienname: 'Mustermann' }, id),
            fees: JSON.stringify({ lines: [], totalCents: 0 }),
            submitted_at: now,
            state_changed_at: now,
            status_code: null,
          })
          .execute();
        const moved = await transition(trx, app.deps, {
          tenantId,
          submissionId: id,
          to: 'ready_for_delivery',
          actor: 'citizen',
        });
        if (!moved.ok) throw new Error('could not release');
        if (opts.rollback) throw new Error('rollback');
      });
      return id;
    },
    worker(id = 'worker-test') {
      const registry = new JobRegistry([createDeliveryJob(app.deps, { backoff: { jitter: 0 } })]);
      return new Worker(app.deps.database, registry, { workerId: id, clock: app.clock, heartbeatMs: false });
    },
    async receiver(answers = [200]) {
      const r = await startReceiver(app.clock, answers);
      receivers.push(r);
      return r;
    },
    async reset() {
      await Promise.all(receivers.splice(0).map((r) => r.close()));
      await db.deleteFrom('jobs').where('kind', '=', 'delivery.send').execute();
      await db.deleteFrom('deliveries').where('tenant_id', 'is not', null).execute();
      await db.deleteFrom('delivery_routes').where('tenant_id', 'is not', null).execute();
    },
  };
}

/** Goes through the real form journey (HTTP) and submits; returns the reference. */
export async function submitViaJourney(app: DeliveryTestApp): Promise<string> {
  return (await completeJourney(app, new Browser(app.app), app.def)).reference;
}

// biome-ignore lint/suspicious/noExplicitAny: received JSON, inspected by assertions.
type Json = Record<string, any>;

export interface ReceivedRequest {
  headers: IncomingHttpHeaders;
  body: Buffer;
  verified: boolean;
  envelope: Json;
}

export interface TestReceiver {
  url: string;
  requests: ReceivedRequest[];
  /** What to answer next; the last entry repeats. A function may answer itself (or never). */
  answers: Array<number | ((res: ServerResponse) => void)>;
  close(): Promise<void>;
}

/** A real HTTP receiver on 127.0.0.1, port 0, that records and verifies every request. */
export async function startReceiver(clock: { now(): Date }, answers: TestReceiver['answers'] = [200]) {
  const requests: ReceivedRequest[] = [];
  const receiver: Partial<TestReceiver> = { requests, answers };
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks);
    const check = verifyWebhook(body, req.headers, SECRET, clock.now());
    let envelope: Json = {};
    try {
      envelope = JSON.parse(body.toString('utf8'));
    } catch {}
    requests.push({ headers: req.headers, body, verified: check.ok, envelope });
    const list = receiver.answers!;
    const answer = list.length > 1 ? list.shift()! : list[0]!;
    if (typeof answer === 'function') return answer(res);
    res.writeHead(answer, { 'content-type': 'application/json' }).end(answer >= 400 ? '{"error":"abgelehnt"}' : '{}');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/eingang`;
  receiver.close = () =>
    new Promise<void>((r) => {
      server.closeAllConnections();
      server.close(() => r());
    });
  return receiver as TestReceiver;
}

export async function deliveriesOf(app: DeliveryTestApp, submissionId: string, slug = 'magdeburg') {
  return scoped(app.deps.database.db, app.tenantIds.get(slug)!)
    .selectFrom('deliveries')
    .selectAll()
    .where('submission_id', '=', submissionId)
    .orderBy('created_at')
    .execute();
}

export async function jobOf(app: DeliveryTestApp, deliveryId: string) {
  return app.deps.database.db
    .selectFrom('jobs')
    .selectAll()
    .where('dedupe_key', '=', `delivery.send:${deliveryId}`)
    .executeTakeFirst();
}

export async function stateOf(app: DeliveryTestApp, submissionId: string, slug = 'magdeburg') {
  return (
    await scoped(app.deps.database.db, app.tenantIds.get(slug)!)
      .selectFrom('submissions')
      .select('state')
      .where('id', '=', submissionId)
      .executeTakeFirstOrThrow()
  ).state;
}
