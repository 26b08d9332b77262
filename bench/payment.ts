/**
 * Submit-with-payment round trip against the demo payment provider, over real HTTP, against a bare route.
 *
 *   node --import tsx bench/payment.ts                  # PostgreSQL (TEST_DATABASE_URL), about a minute
 *   BENCH_DB=pglite node --import tsx bench/payment.ts
 *
 * The app listens on 127.0.0.1 with SAC_BASE_URL pointing at itself, so the XBezahldienste client talks to
 * the demo provider (/demo/zahlung, same process) over HTTP exactly as in production, in a fresh throwaway
 * database (test/helpers/test-db.ts) with the demo tenants and payment settings. Magdeburg offers the
 * example assistant with a fee (5 € per dog) and an e-mail field.
 *
 * 1. Untimed preparation: BENCH_ROUND_TRIPS (default 100) citizens fill in and submit the assistant over
 *    HTTP (cookie jar, CSRF), each ending on the payment page of its submission (`awaiting_payment`).
 * 2. Timed, BENCH_CONCURRENCY (default 4) citizens at once, each round trip:
 *    "Bezahlen" POST (SAC creates the transaction at the provider over HTTP, 303 to the checkout) →
 *    GET of the demo checkout page → POST "bezahlt" with notification (the provider posts a signed
 *    notification to SAC, which moves the submission `paid → ready_for_delivery` and creates the
 *    deliveries) → GET of the return URL (SAC queries the status, 303 to the receipt).
 *    Afterwards every submission must be `ready_for_delivery` with one paid payment.
 * 3. Baseline in the same run: GET /healthz on the same server (no database, no template), as many
 *    requests as the round trips made, with the same concurrency.
 *
 * Prints a Markdown table (round trips per second, latency p50/p99, CPU ms of this process per item —
 * server and client share it —, ratio to the baseline) and the load average before and after.
 */
import { createServer } from 'node:net';
import { loadavg } from 'node:os';
import { publishDefinition } from '../src/modules/forms/assistants-store/ops/publish-definition.ts';
import { seedDemoPayments } from '../src/modules/payment/demo/seed.ts';
import { systemClock } from '../src/platform/clock.ts';
import type { DatabaseKind } from '../src/platform/db/database.ts';
import { scoped } from '../src/platform/db/scope.ts';
import { MemoryMailer } from '../src/platform/mail/mailer.ts';
import { exampleWithEmail } from '../test/forms/forms-app.ts';
import { stepById, validStepPairs } from '../test/forms/valid-answers.ts';
import { createTestApp } from '../test/helpers/app.ts';

const engine = (process.env.BENCH_DB ?? 'postgres') as DatabaseKind;
const N = Number(process.env.BENCH_ROUND_TRIPS ?? 100);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 4);
const TENANT = 'magdeburg';
const REQUESTS_PER_ROUND_TRIP = 4;

const load = () =>
  loadavg()
    .map((n) => n.toFixed(1))
    .join(' / ');

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** A citizen's browser over real HTTP: cookie jar, no redirects followed. */
class Citizen {
  private readonly cookies = new Map<string, string>();
  constructor(private readonly base: string) {}

  async request(method: 'GET' | 'POST', url: string, form?: Record<string, string | string[]>) {
    const target = new URL(url, this.base);
    const headers: Record<string, string> = { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') };
    let body: string | undefined;
    if (form) {
      const params = new URLSearchParams();
      for (const [k, v] of Object.entries(form)) for (const item of Array.isArray(v) ? v : [v]) params.append(k, item);
      body = params.toString();
      headers['content-type'] = 'application/x-www-form-urlencoded';
    }
    const res = await fetch(target, { method, headers, redirect: 'manual', ...(body ? { body } : {}) });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      if (value === '' || /max-age=0/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const text = await res.text();
    return { status: res.status, location: res.headers.get('location') ?? '', body: text };
  }

  get = (url: string) => this.request('GET', url);
  post = (url: string, form: Record<string, string | string[]>) => this.request('POST', url, form);
}

function csrfFrom(html: string): string {
  const m = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!m) throw new Error('no _csrf field in page');
  return m[1]!;
}

function expectStatus(res: { status: number; body: string }, status: number, what: string): void {
  if (res.status !== status) throw new Error(`${what}: HTTP ${res.status}, expected ${status}`);
}

const loadBefore = load();
const started = Date.now();
process.env.SAC_TEST_DB = engine;
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const app = await createTestApp({ env: { SAC_BASE_URL: base }, clock: systemClock, mailer: new MemoryMailer() });
try {
  const def = exampleWithEmail('beispiel-zahlung');
  await publishDefinition(app.deps.database, def);
  const db = app.deps.database.db;
  const service = await db
    .insertInto('services')
    .values({ leika_key: '99000000009921', slug: 'bench-zahlung', name: 'Bench Zahlung' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const tenantId = app.tenantIds.get(TENANT)!;
  await scoped(db, tenantId)
    .insertInto('offerings', { service_id: service.id, online: true, assistant_id: def.id })
    .execute();
  await seedDemoPayments(app.deps, app.tenantIds);
  await app.app.listen({ port, host: '127.0.0.1' });
  const today = new Date().toISOString().slice(0, 10);

  /** Fills in and submits the assistant; returns the payment page's path. */
  async function submit(citizen: Citizen): Promise<{ reference: string; paymentPath: string }> {
    const startUrl = `/${TENANT}/antrag/${def.id}`;
    const start = await citizen.get(startUrl);
    expectStatus(start, 200, 'start page');
    let res = await citizen.post(startUrl, { _csrf: csrfFrom(start.body) });
    expectStatus(res, 303, 'Antrag starten');
    let url = res.location;
    const draftUrl = url.slice(0, url.lastIndexOf('/'));
    for (let guard = 0; guard < 30; guard++) {
      const segment = url.slice(url.lastIndexOf('/') + 1).split('?')[0]!;
      if (segment === 'pruefen') break;
      const pairs = segment === 'einwilligung' ? { einwilligung: 'ja' } : validStepPairs(stepById(def, segment), today);
      const page = await citizen.get(url);
      expectStatus(page, 200, `step ${segment}`);
      res = await citizen.post(url, { ...pairs, aktion: 'weiter', _csrf: csrfFrom(page.body) });
      expectStatus(res, 303, `step ${segment} POST`);
      url = res.location;
    }
    const check = await citizen.get(url);
    expectStatus(check, 200, 'check page');
    res = await citizen.post(`${draftUrl}/absenden`, { _csrf: csrfFrom(check.body) });
    expectStatus(res, 303, 'absenden');
    const reference = res.location.slice(res.location.lastIndexOf('/') + 1);
    if (!res.location.includes('/zahlung/')) throw new Error(`submit led to ${res.location}, not the payment step`);
    return { reference, paymentPath: res.location };
  }

  // 1. Preparation (untimed).
  const citizens: { citizen: Citizen; reference: string; paymentPath: string }[] = [];
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (citizens.length < N) {
        const citizen = new Citizen(base);
        const placeholder = { citizen, reference: '', paymentPath: '' };
        citizens.push(placeholder);
        Object.assign(placeholder, await submit(citizen));
      }
    }),
  );
  // The payment page once per citizen (its CSRF token), as a citizen sees it before clicking.
  const csrf = new Map<string, string>();
  for (const c of citizens) {
    const page = await c.citizen.get(c.paymentPath);
    expectStatus(page, 200, 'payment page');
    if (!page.body.includes('5,00')) throw new Error('the payment page does not show 5,00 €');
    csrf.set(c.reference, csrfFrom(page.body));
  }

  // 2. Timed round trips.
  const latencies: number[] = [];
  let paidBeforeReturn = 0;
  let next = 0;
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < citizens.length) {
        const c = citizens[next++]!;
        const start = performance.now();
        const pay = await c.citizen.post(c.paymentPath, { _csrf: csrf.get(c.reference)! });
        expectStatus(pay, 303, 'Bezahlen');
        const checkout = await c.citizen.get(pay.location);
        expectStatus(checkout, 200, 'demo checkout page');
        const done = await c.citizen.post(pay.location, {
          _csrf: csrfFrom(checkout.body),
          ergebnis: 'bezahlt',
          benachrichtigen: 'ja',
        });
        expectStatus(done, 303, 'demo checkout POST');
        const checkStart = performance.now();
        const state = await scoped(db, tenantId)
          .selectFrom('submissions')
          .select('state')
          .where('reference', '=', c.reference)
          .executeTakeFirstOrThrow();
        if (state.state === 'ready_for_delivery') paidBeforeReturn++;
        const checkMs = performance.now() - checkStart;
        const back = await c.citizen.get(done.location);
        expectStatus(back, 303, 'return');
        if (!back.location.includes('/eingang/')) throw new Error(`return led to ${back.location}`);
        latencies.push(performance.now() - start - checkMs);
      }
    }),
  );
  const roundTripMs = performance.now() - t0;
  const roundTripCpu = process.cpuUsage(cpu0);

  // Every submission paid and released, one paid payment each.
  const states = await scoped(db, tenantId)
    .selectFrom('submissions')
    .select(['state'])
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('assistant_id', '=', def.id)
    .groupBy('state')
    .execute();
  const payments = await scoped(db, tenantId)
    .selectFrom('payments')
    .select(['status'])
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .groupBy('status')
    .execute();

  // 3. Baseline: a bare route on the same server.
  const baselineCount = N * REQUESTS_PER_ROUND_TRIP;
  const bareLatencies: number[] = [];
  let bareNext = 0;
  const b0 = performance.now();
  const bareCpu0 = process.cpuUsage();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (bareNext++ < baselineCount) {
        const start = performance.now();
        const res = await fetch(`${base}/healthz`);
        await res.text();
        if (res.status !== 200) throw new Error(`/healthz answered ${res.status}`);
        bareLatencies.push(performance.now() - start);
      }
    }),
  );
  const bareMs = performance.now() - b0;
  const bareCpu = process.cpuUsage(bareCpu0);
  const cpuMs = (u: NodeJS.CpuUsage, n: number) => ((u.user + u.system) / 1000 / n).toFixed(1);

  const rate = (N / roundTripMs) * 1000;
  const bareRate = (baselineCount / bareMs) * 1000;
  const f = (n: number) => n.toFixed(1);
  console.log(
    `\n## Submit with payment against the demo provider (${engine}, ${N} round trips, ${CONCURRENCY} at once)\n`,
  );
  console.log('| what | n | per second | p50 ms | p99 ms | CPU ms each | vs baseline |');
  console.log('|---|---:|---:|---:|---:|---:|---:|');
  console.log(
    `| baseline: GET /healthz on the same server | ${baselineCount} | ${f(bareRate)} req/s | ${f(percentile(bareLatencies, 50))} | ${f(percentile(bareLatencies, 99))} | ${cpuMs(bareCpu, baselineCount)} | 100 % |`,
  );
  console.log(
    `| **payment round trip** (Bezahlen → create transaction → checkout → notification → return) | ${N} | ${f(rate)} round trips/s | ${f(percentile(latencies, 50))} | ${f(percentile(latencies, 99))} | ${cpuMs(roundTripCpu, N)} | ${((rate / bareRate) * 100).toFixed(1)} % (${((rate * REQUESTS_PER_ROUND_TRIP * 100) / bareRate).toFixed(1)} % counting its ${REQUESTS_PER_ROUND_TRIP} requests) |`,
  );
  console.log(
    `\nAfter the run: submissions ${states.map((s) => `${s.state} ${s.n}`).join(', ')}; payments ${payments.map((p) => `${p.status} ${p.n}`).join(', ')}; released by the notification before the return: ${paidBeforeReturn}/${N}.`,
  );
  console.log(
    `Load average before ${loadBefore}, after ${load()}; ${((Date.now() - started) / 1000).toFixed(0)} s in all.`,
  );
} finally {
  await app.close();
}
