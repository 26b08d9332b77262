// Where the time of the search and service pages goes on PostgreSQL: queries per request, SQL time per
// request (timed around pg's Client#query), and EXPLAIN ANALYZE of the search query.
// `node --import tsx bench/sql-profile.ts` (PROBE_ANALYZE=1 runs ANALYZE after seeding first).
import pg from 'pg';
import { startSac } from './servers.ts';

const stats = { n: 0, ms: 0, texts: new Map<string, { n: number; ms: number }>() };
const original = pg.Client.prototype.query;
let lastSearch: { text: string; values: unknown[] } | undefined;
// biome-ignore lint/suspicious/noExplicitAny: probe
(pg.Client.prototype as any).query = function (this: unknown, ...args: any[]) {
  if (typeof args[0] === 'string' && args[0].includes('search_vector @@'))
    lastSearch = { text: args[0], values: args[1] };
  const t = performance.now();
  const text = String(typeof args[0] === 'string' ? args[0] : args[0]?.text)
    .slice(0, 90)
    .replace(/\s+/g, ' ');
  // biome-ignore lint/suspicious/noExplicitAny: probe
  const r = (original as any).apply(this, args);
  if (r && typeof r.then === 'function')
    r.then(
      () => {
        const d = performance.now() - t;
        stats.n++;
        stats.ms += d;
        const e = stats.texts.get(text) ?? { n: 0, ms: 0 };
        e.n++;
        e.ms += d;
        stats.texts.set(text, e);
      },
      () => {},
    );
  return r;
};
const sac = await startSac('postgres');
if (process.env.PROBE_ANALYZE) {
  const a = new pg.Client({ connectionString: sac.databaseUrl });
  await a.connect();
  await a.query('analyze');
  await a.end();
  console.log('ran ANALYZE');
}
for (const [name, path] of [
  ['search', '/magdeburg/leistungen?q=Hund'],
  ['service', '/magdeburg/leistungen/hundehaltung-anmeldung'],
]) {
  for (let i = 0; i < 10; i++) await (await fetch(sac.baseUrl + path)).text();
  stats.n = 0;
  stats.ms = 0;
  stats.texts.clear();
  const t = performance.now();
  for (let i = 0; i < 50; i++) await (await fetch(sac.baseUrl + path)).text();
  const total = (performance.now() - t) / 50;
  console.log(
    `${name}: ${total.toFixed(1)} ms/req, ${(stats.n / 50).toFixed(1)} queries/req, SQL ${(stats.ms / 50).toFixed(1)} ms/req`,
  );
  for (const [k, v] of [...stats.texts].sort((a, b) => b[1].ms - a[1].ms).slice(0, 8))
    console.log(`   ${(v.ms / 50).toFixed(1)} ms ${(v.n / 50).toFixed(1)}x  ${k}`);
}
if (lastSearch) {
  const c = new pg.Client({ connectionString: sac.databaseUrl });
  await c.connect();
  const plan = await c.query(`explain (analyze, buffers) ${lastSearch.text}`, lastSearch.values as unknown[]);
  console.log(plan.rows.map((r) => r['QUERY PLAN']).join('\n'));
  await c.end();
}
await sac.close();
