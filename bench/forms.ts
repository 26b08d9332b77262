// Form assistant benchmark: GET of a step page and POST of a valid step (validate, save the encrypted
// draft, 303 to the next step) against a bare static page, at 50 connections, on PGlite and PostgreSQL,
// in one run, with the server's RSS sampled under load and the engine micro-benchmark's median.
// `node --import tsx bench/forms.ts` (see bench/README.md).
//
// Every connection needs its own session cookie, CSRF token and draft: the sessions are prepared before
// the run and autocannon's `setupClient` gives each connection one of them. autocannon runs in a child
// process (this file, started with `--load`), so that the sampled RSS is the app's and not the load
// generator's, and the load generator does not share the app's event loop.
import { execFileSync, fork } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import type { DatabaseKind } from '../src/platform/db/database.ts';
import { startBare, startSac } from './servers.ts';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const warmupSeconds = Number(process.env.BENCH_WARMUP_SECONDS ?? 2);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const engines = (process.env.BENCH_DB ?? 'postgres,pglite').split(',') as DatabaseKind[];
const tenant = 'magdeburg';
const assistant = 'hundeabmeldung';
/** Valid answers of the first step (`hund`) of the shipped Hundeabmeldung. */
const stepAnswers = { hundName: 'Bello', transponder: '276098106543210', gefaehrlich: 'nein', aktion: 'weiter' };

/** One prepared citizen: a session with its CSRF token and an open draft on the first step. */
interface Session {
  cookie: string;
  csrf: string;
  stepPath: string;
}

/** What the parent asks the load child to do. */
interface LoadJob {
  baseUrl: string;
  method: 'GET' | 'POST';
  sessions: Session[];
  connections: number;
  warmupSeconds: number;
  seconds: number;
}

interface LoadResult {
  reqPerSec: number;
  p50: number;
  p99: number;
  status: Record<string, number>;
  errors: number;
  timeouts: number;
}

interface Row extends LoadResult {
  database: DatabaseKind;
  page: string;
  connections: number;
  ratioToBare: number;
  rssIdleMb: number;
  rssMaxMb: number;
}

// ---------------------------------------------------------------------------------------------------
// Child process: runs autocannon and sends the result back.

/** The autocannon options this file uses beyond bench/autocannon.d.ts. */
interface CannonOptions {
  url: string;
  connections: number;
  duration: number;
  setupClient?: (client: { setRequests(requests: CannonRequest[]): void }) => void;
}
interface CannonRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}
type CannonResult = Awaited<ReturnType<typeof autocannon>> & Record<string, unknown>;
const cannon = autocannon as unknown as (options: CannonOptions) => Promise<CannonResult>;

async function runLoad(job: LoadJob): Promise<LoadResult> {
  let next = 0;
  const options = (duration: number): CannonOptions => ({
    url: job.baseUrl,
    connections: job.connections,
    duration,
    setupClient: job.sessions.length
      ? (client) => {
          const s = job.sessions[next++ % job.sessions.length]!;
          const headers: Record<string, string> = { cookie: s.cookie };
          if (job.method === 'GET') {
            client.setRequests([{ method: 'GET', path: s.stepPath, headers }]);
            return;
          }
          const body = new URLSearchParams({ ...stepAnswers, _csrf: s.csrf }).toString();
          headers['content-type'] = 'application/x-www-form-urlencoded';
          client.setRequests([{ method: 'POST', path: s.stepPath, headers, body }]);
        }
      : undefined,
  });
  await cannon(options(job.warmupSeconds));
  const r = await cannon(options(job.seconds));
  const status: Record<string, number> = {};
  for (const k of ['1xx', '2xx', '3xx', '4xx', '5xx']) if (Number(r[k]) > 0) status[k] = Number(r[k]);
  return {
    reqPerSec: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    status,
    errors: r.errors,
    timeouts: r.timeouts,
  };
}

if (process.argv.includes('--load')) {
  process.once('message', (job: LoadJob) => {
    runLoad(job).then(
      (result) => process.send?.({ result }, () => process.exit(0)),
      (error: unknown) => process.send?.({ error: String(error) }, () => process.exit(1)),
    );
  });
} else {
  await main();
}

// ---------------------------------------------------------------------------------------------------
// Parent: the servers, the sessions, the RSS sampling and the table.

/** Runs the load in a child process while sampling this process's RSS; returns the result and max RSS. */
async function measure(job: LoadJob): Promise<LoadResult & { rssIdleMb: number; rssMaxMb: number }> {
  const rssIdle = process.memoryUsage().rss;
  const child = fork(import.meta.filename, ['--load'], { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
  let rssMax = rssIdle;
  const sampler = setInterval(() => {
    rssMax = Math.max(rssMax, process.memoryUsage().rss);
  }, 100);
  try {
    const reply = await new Promise<{ result?: LoadResult; error?: string }>((resolve, reject) => {
      child.once('message', (m) => resolve(m as { result?: LoadResult; error?: string }));
      child.once('error', reject);
      child.once('exit', (code) => reject(new Error(`load process exited with ${code}`)));
      child.send(job);
    });
    if (!reply.result) throw new Error(`load process failed: ${reply.error}`);
    return { ...reply.result, rssIdleMb: rssIdle / 1024 / 1024, rssMaxMb: rssMax / 1024 / 1024 };
  } finally {
    clearInterval(sampler);
  }
}

/** Cookie header from the Set-Cookie headers of a response, merged into the ones kept so far. */
function keepCookies(jar: Map<string, string>, res: Response): void {
  for (const line of res.headers.getSetCookie()) {
    const [pair] = line.split(';');
    const eq = pair!.indexOf('=');
    jar.set(pair!.slice(0, eq).trim(), pair!.slice(eq + 1).trim());
  }
}

function cookieHeader(jar: Map<string, string>): string {
  return [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
}

function csrfFrom(html: string): string {
  const m = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!m) throw new Error('no _csrf field in page');
  return m[1]!;
}

/** Start page, "Antrag starten", first step page: a session with a fresh draft on its first step. */
async function prepareSession(baseUrl: string): Promise<Session> {
  const jar = new Map<string, string>();
  const startPath = `/${tenant}/antrag/${assistant}`;
  const start = await fetch(baseUrl + startPath);
  keepCookies(jar, start);
  if (start.status !== 200) throw new Error(`start page: ${start.status}`);
  const started = await fetch(baseUrl + startPath, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie: cookieHeader(jar), 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: csrfFrom(await start.text()) }).toString(),
  });
  keepCookies(jar, started);
  const stepPath = started.headers.get('location');
  if (started.status !== 303 || !stepPath) throw new Error(`Antrag starten: ${started.status}`);
  const step = await fetch(baseUrl + stepPath, { headers: { cookie: cookieHeader(jar) } });
  keepCookies(jar, step);
  if (step.status !== 200) throw new Error(`step page: ${step.status}`);
  return { cookie: cookieHeader(jar), csrf: csrfFrom(await step.text()), stepPath };
}

/** One POST of a session's step outside the load: must answer 303 to the next step. */
async function checkPost(baseUrl: string, s: Session): Promise<string> {
  const res = await fetch(baseUrl + s.stepPath, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie: s.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ ...stepAnswers, _csrf: s.csrf }).toString(),
  });
  const location = res.headers.get('location') ?? '';
  if (res.status !== 303) throw new Error(`step POST answered ${res.status}, expected 303`);
  return location;
}

async function benchEngine(database: DatabaseKind): Promise<Row[]> {
  const started = Date.now();
  const sac = await startSac(database);
  console.log(`${database}: app started in ${Date.now() - started} ms`);
  const sessions: Session[] = [];
  for (let i = 0; i < connections; i++) sessions.push(await prepareSession(sac.baseUrl));
  const next = await checkPost(sac.baseUrl, sessions[0]!);
  console.log(`${database}: ${sessions.length} sessions with drafts; step POST -> 303 ${next}`);
  const stepHtml = await (
    await fetch(sac.baseUrl + sessions[0]!.stepPath, { headers: { cookie: sessions[0]!.cookie } })
  ).text();
  const bare = await startBare(stepHtml);
  const targets: { page: string; job: LoadJob }[] = [
    {
      page: 'bare static page',
      job: { baseUrl: `${bare.baseUrl}/`, method: 'GET', sessions: [], connections, warmupSeconds, seconds },
    },
    { page: 'step GET', job: { baseUrl: sac.baseUrl, method: 'GET', sessions, connections, warmupSeconds, seconds } },
    { page: 'step POST', job: { baseUrl: sac.baseUrl, method: 'POST', sessions, connections, warmupSeconds, seconds } },
  ];
  const rows: Row[] = [];
  try {
    let bareRate = 0;
    for (const target of targets) {
      const m = await measure(target.job);
      if (target === targets[0]) bareRate = m.reqPerSec;
      rows.push({ database, page: target.page, connections, ...m, ratioToBare: m.reqPerSec / bareRate });
      console.log(
        `  ${database} ${target.page}: ${m.reqPerSec.toFixed(0)} req/s, p50 ${m.p50} ms, p99 ${m.p99} ms, ` +
          `rss max ${m.rssMaxMb.toFixed(0)} MB, status ${JSON.stringify(m.status)}, errors ${m.errors}`,
      );
    }
  } finally {
    await bare.close();
    await sac.close();
  }
  return rows;
}

/** Runs bench/engine-validate.ts in its own process and returns its output. */
function engineValidate(): string {
  return execFileSync(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'engine-validate.ts')], {
    encoding: 'utf8',
  }).trim();
}

function table(rows: Row[]): string {
  const header =
    '| database | page | conn | req/s | p50 ms | p99 ms | vs bare | RSS idle → max MB | status | errors/timeouts |';
  const lines = rows.map(
    (r) =>
      `| ${r.database} | ${r.page} | ${r.connections} | ${r.reqPerSec.toFixed(0)} | ${r.p50} | ${r.p99} | ` +
      `${(r.ratioToBare * 100).toFixed(1)} % | ${r.rssIdleMb.toFixed(0)} → ${r.rssMaxMb.toFixed(0)} | ` +
      `${Object.entries(r.status)
        .map(([k, v]) => `${k}: ${v}`)
        .join(', ')} | ${r.errors}/${r.timeouts} |`,
  );
  return [header, '|---|---|---:|---:|---:|---:|---:|---:|---|---:|', ...lines].join('\n');
}

function aim(rows: Row[]): string[] {
  const pg = (page: string) => rows.find((r) => r.database === 'postgres' && r.page === page);
  const out: string[] = [];
  for (const [page, share, status] of [
    ['step GET', 0.15, '2xx'],
    ['step POST', 0.07, '3xx'],
  ] as const) {
    const r = pg(page);
    if (!r) {
      out.push(`Aim ${page}: not checked (no PostgreSQL row).`);
      continue;
    }
    const clean = r.errors === 0 && Object.keys(r.status).every((k) => k === status);
    const ok = r.ratioToBare >= share && r.p99 < 50 && r.rssMaxMb < 200 && clean;
    out.push(
      `Aim (PostgreSQL, ${page}, ${connections} connections: >= ${Math.round(share * 100)} % of bare, p99 < 50 ms, ` +
        `RSS < 200 MB, only ${status}): ${ok ? 'met' : 'NOT met'} (${(r.ratioToBare * 100).toFixed(1)} %, ` +
        `p99 ${r.p99} ms, RSS ${r.rssMaxMb.toFixed(0)} MB)`,
    );
  }
  return out;
}

async function main(): Promise<void> {
  const load = () =>
    loadavg()
      .map((n) => n.toFixed(2))
      .join(' ');
  const loadBefore = load();
  const rssBeforeMb = (process.memoryUsage().rss / 1024 / 1024).toFixed(0);
  const rows: Row[] = [];
  for (const engine of engines) rows.push(...(await benchEngine(engine)));
  const loadAfter = load();
  const engineOutput = engineValidate();
  const summary = [
    table(rows),
    '',
    ...aim(rows),
    '',
    `engine-validate.ts: ${engineOutput.split('\n').join(' / ')}`,
    `RSS of this process with the modules loaded, before any server started: ${rssBeforeMb} MB`,
    `load average (1/5/15 min) before: ${loadBefore}, after: ${loadAfter}`,
  ].join('\n');
  console.log(`\n${summary}`);
  const dir = path.join(import.meta.dirname, 'results');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `forms-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  const meta = {
    seconds,
    warmupSeconds,
    connections,
    node: process.version,
    loadBefore,
    loadAfter,
    rssBeforeMb,
    engineOutput,
  };
  writeFileSync(file, JSON.stringify({ ...meta, rows }, null, 2));
  console.log(`\nwritten: ${path.relative(process.cwd(), file)}`);
}
