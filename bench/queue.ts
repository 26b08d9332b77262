/**
 * The job queue (src/platform/jobs) as it grows to 100,000 pending jobs: does the claim stay flat?
 *
 *   node --import tsx bench/queue.ts                 # PostgreSQL (TEST_DATABASE_URL), about a minute
 *   BENCH_DB=pglite node --import tsx bench/queue.ts # the same on PGlite
 *
 * In a fresh throwaway database (test/helpers/test-db.ts, dropped at the end) it fills the `jobs` table to
 * 1,000, 10,000 and 100,000 due pending jobs with batched inserts (BENCH_BATCH rows per statement, default
 * 1,000), runs `analyze jobs` (what autovacuum does on a live table), and at each level measures:
 *
 * - the real `claim()` (one `FOR UPDATE SKIP LOCKED` statement, limit 1), BENCH_CLAIMS times (default
 *   150) in sequence. After each claim, untimed, the job is completed and one new job is enqueued, so
 *   the pending count stays at the level and the table collects `done` rows as in production;
 * - the same number of claims by 4 claimers at once (SKIP LOCKED lets them pass each other);
 * - the real `enqueue()` of one job in its own statement (with a dedupe key, as the outbox does);
 * - the baseline: `select 1` on the same pool, interleaved with the claims, so that it sees the same
 *   machine noise. The claim's p50 as a multiple of it is the figure to compare between levels.
 */
import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { sql } from 'kysely';
import type { DatabaseKind } from '../src/platform/db/database.ts';
import { claim, complete, enqueue } from '../src/platform/jobs/index.ts';
import { createTestDatabase } from '../test/helpers/test-db.ts';

const kind = (process.env.BENCH_DB ?? 'postgres') as DatabaseKind;
const claims = Number(process.env.BENCH_CLAIMS ?? 150);
const batch = Number(process.env.BENCH_BATCH ?? 1000);
const levels = [1_000, 10_000, 100_000];
const KIND = 'bench.job';
const leaseMs = 5 * 60_000;

const load = () =>
  loadavg()
    .map((n) => n.toFixed(1))
    .join(' / ');

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}
const ms = (n: number) => n.toFixed(2);

const loadBefore = load();
const testDb = await createTestDatabase(kind);
const db = testDb.database.db;
const rows: string[] = [];
const startedAt = Date.now();
try {
  // Every job is due: run_at spread over the past hour, in insertion order.
  const base = Date.now() - 3_600_000;
  let filled = 0;
  let fillMsTotal = 0;
  let seq = 0;

  async function claimOnce(workerId: string): Promise<number> {
    const t0 = performance.now();
    const [job] = await claim(db, { workerId, kinds: [KIND], limit: 1, leaseMs, now: new Date() });
    const took = performance.now() - t0;
    if (!job) throw new Error('no job claimed: the queue ran empty');
    await complete(db, { id: job.id, workerId, now: new Date() });
    await enqueue(db, { kind: KIND, payload: { n: ++seq } });
    return took;
  }

  for (const level of levels) {
    const fillStart = performance.now();
    const toAdd = level - filled;
    for (let done = 0; done < toAdd; done += batch) {
      const n = Math.min(batch, toAdd - done);
      await db
        .insertInto('jobs')
        .values(
          Array.from({ length: n }, () => {
            const at = new Date(base + (filled % 3_600_000));
            filled++;
            return { kind: KIND, payload: JSON.stringify({ n: ++seq }), run_at: at, created_at: at, updated_at: at };
          }),
        )
        .execute();
    }
    const fillMs = performance.now() - fillStart;
    fillMsTotal += fillMs;
    await sql`analyze jobs`.execute(db);
    const pending = Number(
      (
        await db
          .selectFrom('jobs')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where('state', '=', 'pending')
          .executeTakeFirstOrThrow()
      ).n,
    );

    // Warm-up, then sequential claims with the baseline interleaved.
    for (let i = 0; i < 20; i++) await claimOnce('bench-warmup');
    const claimTimes: number[] = [];
    const selectTimes: number[] = [];
    for (let i = 0; i < claims; i++) {
      claimTimes.push(await claimOnce('bench-1'));
      const t0 = performance.now();
      await sql`select 1`.execute(db);
      selectTimes.push(performance.now() - t0);
    }

    // For comparison, not in src/: only the pending branch of the claim's row selection, which the partial
    // index jobs_pending_run_at_idx (run_at, id) where state = 'pending' can answer in order.
    const indexOnly: number[] = [];
    for (let i = 0; i < claims; i++) {
      const t0 = performance.now();
      await sql`select id from jobs where state = 'pending' and run_at <= ${new Date()} and kind in (${KIND})
        order by run_at, id limit 1 for update skip locked`.execute(db);
      indexOnly.push(performance.now() - t0);
    }

    // Four claimers at once.
    const parallel: number[] = [];
    await Promise.all(
      [1, 2, 3, 4].map(async (w) => {
        for (let i = 0; i < claims / 4; i++) parallel.push(await claimOnce(`bench-p${w}`));
      }),
    );

    // The outbox's single enqueue (own statement, dedupe key).
    const enqueueTimes: number[] = [];
    for (let i = 0; i < 100; i++) {
      const t0 = performance.now();
      await enqueue(db, { kind: 'bench.enqueue', payload: { n: i }, dedupeKey: `bench:${randomUUID()}` });
      enqueueTimes.push(performance.now() - t0);
    }

    const claimP50 = percentile(claimTimes, 50);
    const selectP50 = percentile(selectTimes, 50);
    rows.push(
      `| ${pending.toLocaleString('en')} | ${Math.round((toAdd / fillMs) * 1000).toLocaleString('en')} | ${ms(claimP50)} | ${ms(percentile(claimTimes, 99))} | ${ms(selectP50)} | ${(claimP50 / selectP50).toFixed(1)}× | ${ms(percentile(parallel, 50))} / ${ms(percentile(parallel, 99))} | ${ms(percentile(indexOnly, 50))} | ${ms(percentile(enqueueTimes, 50))} / ${ms(percentile(enqueueTimes, 99))} |`,
    );
    console.error(`level ${level} done (${((Date.now() - startedAt) / 1000).toFixed(0)} s)`);
  }

  // The claim's two row selections (src/platform/jobs/queue.ts): due pending jobs, and running jobs whose
  // lease expired. Each must be an index scan; one OR over both used to be a sequential scan.
  const plan = await sql<{ 'QUERY PLAN': string }>`explain
    select id from jobs
    where state = 'running' and locked_until < now() and attempts < max_attempts and kind in (${KIND})
    order by locked_until, id limit 1 for update skip locked`.execute(db);
  const pendingPlan = await sql<{ 'QUERY PLAN': string }>`explain
    select id from jobs where state = 'pending' and run_at <= now() and kind in (${KIND})
    order by run_at, id limit 1 for update skip locked`.execute(db);

  console.log(`\n## Job queue on ${kind} (${claims} claims per level)\n`);
  console.log(
    '| pending jobs | fill rows/s (batches of ' +
      batch +
      ') | claim p50 ms | claim p99 ms | baseline `select 1` p50 ms | claim p50 vs baseline | 4 claimers p50 / p99 ms | pending branch alone p50 ms | enqueue p50 / p99 ms |',
  );
  console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const row of rows) console.log(row);
  console.log(
    `\nFilled ${filled.toLocaleString('en')} jobs in ${(fillMsTotal / 1000).toFixed(1)} s: ${Math.round((filled / fillMsTotal) * 1000).toLocaleString('en')} rows/s.`,
  );
  console.log("\nPlan of the claim's pending selection at 100,000 pending:\n");
  for (const line of pendingPlan.rows) console.log(`    ${line['QUERY PLAN']}`);
  console.log("\nPlan of the claim's expired-lease selection at 100,000 pending:\n");
  for (const line of plan.rows) console.log(`    ${line['QUERY PLAN']}`);
  console.log(
    `\nLoad average before ${loadBefore}, after ${load()}; ${((Date.now() - startedAt) / 1000).toFixed(0)} s.`,
  );
} finally {
  await testDb.cleanup();
}
