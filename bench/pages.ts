// Page benchmark: search page, service page and a bare static page, at 10 and 50 connections, on PGlite
// and PostgreSQL, in one run. `node --import tsx bench/pages.ts` (see bench/README.md).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import type { DatabaseKind } from '../src/platform/db/database.ts';
import { startBare, startSac } from './servers.ts';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const warmupSeconds = Number(process.env.BENCH_WARMUP_SECONDS ?? 2);
const connectionCounts = [10, 50];
const engines = (process.env.BENCH_DB ?? 'pglite,postgres').split(',') as DatabaseKind[];

interface Row {
  database: DatabaseKind;
  page: string;
  connections: number;
  reqPerSec: number;
  p50: number;
  p99: number;
  ratioToBare: number;
  non2xx: number;
  errors: number;
}

async function measure(url: string, connections: number) {
  // The load generator runs in a worker thread so that it does not share the event loop with the app.
  await autocannon({ url, connections, duration: warmupSeconds, workers: 1 });
  const r = await autocannon({ url, connections, duration: seconds, workers: 1 });
  return { reqPerSec: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx, errors: r.errors };
}

async function benchEngine(database: DatabaseKind): Promise<Row[]> {
  const started = Date.now();
  const sac = await startSac(database);
  console.log(`${database}: app started with ${sac.services} services in ${Date.now() - started} ms`);
  if (sac.services < 4000) throw new Error(`expected at least 4,000 services, found ${sac.services}`);
  const searchPath = '/magdeburg/leistungen?q=Hund';
  const searchHtml = await (await fetch(sac.baseUrl + searchPath)).text();
  const serviceSlug = /href="\/magdeburg\/leistungen\/(hundehaltung-anmeldung)"/.exec(searchHtml)?.[1];
  if (!serviceSlug) throw new Error('search page does not list hundehaltung-anmeldung');
  const bare = await startBare(searchHtml);
  console.log(`${database}: bare page serves the rendered search page (${searchHtml.length} bytes)`);
  const targets = [
    { page: 'bare static page', url: `${bare.baseUrl}/` },
    { page: 'search ?q=Hund', url: sac.baseUrl + searchPath },
    { page: `service ${serviceSlug}`, url: `${sac.baseUrl}/magdeburg/leistungen/${serviceSlug}` },
  ];
  const rows: Row[] = [];
  try {
    for (const connections of connectionCounts) {
      let bareRate = 0;
      for (const target of targets) {
        const m = await measure(target.url, connections);
        if (target === targets[0]) bareRate = m.reqPerSec;
        rows.push({ database, page: target.page, connections, ...m, ratioToBare: m.reqPerSec / bareRate });
        console.log(`  ${database} ${target.page} c=${connections}: ${m.reqPerSec.toFixed(0)} req/s, p99 ${m.p99} ms`);
      }
    }
  } finally {
    await bare.close();
    await sac.close();
  }
  return rows;
}

function table(rows: Row[]): string {
  const header = '| database | page | conn | req/s | p50 ms | p99 ms | vs bare | non-2xx/errors |';
  const lines = rows.map(
    (r) =>
      `| ${r.database} | ${r.page} | ${r.connections} | ${r.reqPerSec.toFixed(0)} | ${r.p50} | ${r.p99} | ` +
      `${(r.ratioToBare * 100).toFixed(1)} % | ${r.non2xx}/${r.errors} |`,
  );
  return [header, '|---|---|---:|---:|---:|---:|---:|---:|', ...lines].join('\n');
}

function aim(rows: Row[]): string {
  const search = rows.find((r) => r.database === 'postgres' && r.page.startsWith('search') && r.connections === 50);
  if (!search) return 'Aim not checked (no PostgreSQL search row at 50 connections).';
  const ok = search.ratioToBare >= 0.2 && search.p99 < 50;
  return (
    `Aim (PostgreSQL, search, 50 connections: >= 20 % of bare, p99 < 50 ms): ${ok ? 'met' : 'NOT met'} ` +
    `(${(search.ratioToBare * 100).toFixed(1)} %, p99 ${search.p99} ms)`
  );
}

const rows: Row[] = [];
for (const engine of engines) rows.push(...(await benchEngine(engine)));
const summary = `${table(rows)}\n\n${aim(rows)}`;
console.log(`\n${summary}`);
const dir = path.join(import.meta.dirname, 'results');
mkdirSync(dir, { recursive: true });
const file = path.join(dir, `pages-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
const meta = { seconds, warmupSeconds, node: process.version, startedAt: new Date().toISOString() };
writeFileSync(file, JSON.stringify({ ...meta, rows }, null, 2));
console.log(`\nwritten: ${path.relative(process.cwd(), file)}`);
