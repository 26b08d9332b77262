import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { JobState } from './tables.ts';

/**
 * Queue operations on the `jobs` table. Every state change is one statement and a compare-and-set on the
 * lease (`locked_by`), so a worker whose lease was taken over cannot overwrite the new owner's work. The
 * SQL is the same on PGlite and PostgreSQL. Times come from the caller (an injected Clock).
 */

/** The query builder or a transaction of it: enqueue joins the caller's transaction. */
export type Executor = Kysely<DB>;

export interface EnqueueOptions {
  kind: string;
  /** JSON-serialisable. Prefer ids over personal data: payloads outlive the request. */
  payload: unknown;
  tenantId?: string | null;
  /** Earliest start. Default: `now`. */
  runAt?: Date;
  /** Default 10 (the column default). */
  maxAttempts?: number;
  /** Idempotency key: a second enqueue with the same key returns the existing job instead of a new one. */
  dedupeKey?: string;
  /** Creation time. Default: the database clock (`now()`); tests pass their clock's time. */
  now?: Date;
}

export interface EnqueueResult {
  id: number;
  /** false when a job with the same dedupe key already existed. */
  created: boolean;
}

/** Inserts a job. Pass the caller's transaction so that the job exists exactly when the caller's change does. */
export async function enqueue(executor: Executor, options: EnqueueOptions): Promise<EnqueueResult> {
  const now = options.now ?? sql<Date>`now()`;
  const inserted = await executor
    .insertInto('jobs')
    .values({
      kind: options.kind,
      tenant_id: options.tenantId ?? null,
      payload: JSON.stringify(options.payload ?? null),
      ...(options.maxAttempts === undefined ? {} : { max_attempts: options.maxAttempts }),
      run_at: options.runAt ?? now,
      dedupe_key: options.dedupeKey ?? null,
      created_at: now,
      updated_at: now,
    })
    .onConflict((oc) => oc.column('dedupe_key').where('dedupe_key', 'is not', null).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (inserted) return { id: Number(inserted.id), created: true };
  const existing = await executor
    .selectFrom('jobs')
    .select('id')
    .where('dedupe_key', '=', options.dedupeKey ?? null)
    .executeTakeFirstOrThrow();
  return { id: Number(existing.id), created: false };
}

/** A job as a worker sees it after claiming it. `attempts` already counts the current attempt. */
export interface Job {
  id: number;
  kind: string;
  tenantId: string | null;
  payload: unknown;
  state: JobState;
  attempts: number;
  maxAttempts: number;
  runAt: Date;
  lockedBy: string | null;
  lockedUntil: Date | null;
  lastError: string | null;
  dedupeKey: string | null;
  createdAt: Date;
  finishedAt: Date | null;
}

interface JobRow {
  id: number;
  kind: string;
  tenant_id: string | null;
  payload: unknown;
  state: JobState;
  attempts: number;
  max_attempts: number;
  run_at: Date | string;
  locked_by: string | null;
  locked_until: Date | string | null;
  last_error: string | null;
  dedupe_key: string | null;
  created_at: Date | string;
  finished_at: Date | string | null;
}

function toDate(value: Date | string): Date;
function toDate(value: Date | string | null): Date | null;
function toDate(value: Date | string | null): Date | null {
  return value === null ? null : new Date(value);
}

export function toJob(row: JobRow): Job {
  return {
    id: Number(row.id),
    kind: row.kind,
    tenantId: row.tenant_id,
    payload: row.payload,
    state: row.state,
    attempts: row.attempts,
    maxAttempts: row.max_attempts,
    runAt: toDate(row.run_at),
    lockedBy: row.locked_by,
    lockedUntil: toDate(row.locked_until),
    lastError: row.last_error,
    dedupeKey: row.dedupe_key,
    createdAt: toDate(row.created_at),
    finishedAt: toDate(row.finished_at),
  };
}

export interface ClaimOptions {
  workerId: string;
  /** Only these kinds (the ones the worker has handlers for). Default: all. */
  kinds?: readonly string[];
  limit: number;
  /** How long the claim holds before another worker may take the job over. */
  leaseMs: number;
  now: Date;
}

/**
 * Claims up to `limit` due jobs in one statement: pending jobs whose `run_at` has come, and running jobs
 * whose lease expired (their worker died) while attempts remain. `FOR UPDATE SKIP LOCKED` lets concurrent
 * workers pass each other's rows instead of waiting or taking the same job. Each claim counts an attempt.
 */
export async function claim(executor: Executor, options: ClaimOptions): Promise<Job[]> {
  if (options.limit < 1) return [];
  if (options.kinds?.length === 0) return [];
  const now = options.now;
  const lockedUntil = new Date(now.getTime() + options.leaseMs);
  const kindFilter = options.kinds ? sql`and kind in (${sql.join(options.kinds)})` : sql``;
  // Two separately indexed scans (pending by run_at; running by locked_until) instead of one OR, which
  // PostgreSQL can only answer with a full scan: the claim stays flat as the queue grows (bench/queue.ts).
  const result = await sql<JobRow>`
    with pending_due as (
      select id, run_at from jobs
      where state = 'pending' and run_at <= ${now} ${kindFilter}
      order by run_at, id
      limit ${options.limit}
      for update skip locked
    ), lease_expired as (
      select id, run_at from jobs
      where state = 'running' and locked_until < ${now} and attempts < max_attempts ${kindFilter}
      order by locked_until, id
      limit ${options.limit}
      for update skip locked
    ), due as (
      select id from (select * from pending_due union all select * from lease_expired) candidates
      order by run_at, id
      limit ${options.limit}
    )
    update jobs set
      state = 'running',
      attempts = jobs.attempts + 1,
      locked_by = ${options.workerId},
      locked_until = ${lockedUntil},
      updated_at = ${now}
    from due
    where jobs.id = due.id
    returning jobs.*`.execute(executor);
  return result.rows.map(toJob).sort((a, b) => a.runAt.getTime() - b.runAt.getTime() || a.id - b.id);
}

/**
 * Moves running jobs whose lease expired on their last allowed attempt to `dead`: the worker holding them
 * died, and claiming them again would exceed `max_attempts`. Returns how many.
 */
export async function reapExpiredLeases(executor: Executor, now: Date): Promise<number> {
  const result = await executor
    .updateTable('jobs')
    .set({
      state: 'dead',
      last_error: 'Lease expired on the last attempt (worker stopped or crashed)',
      locked_by: null,
      locked_until: null,
      updated_at: now,
      finished_at: now,
    })
    .where('state', '=', 'running')
    .where('locked_until', '<', now)
    .where(sql<boolean>`attempts >= max_attempts`)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export interface LeaseRef {
  id: number;
  workerId: string;
  now: Date;
}

/** Marks a job done. false if this worker no longer holds it (its lease was taken over). */
export async function complete(executor: Executor, ref: LeaseRef): Promise<boolean> {
  const result = await executor
    .updateTable('jobs')
    .set({ state: 'done', locked_by: null, locked_until: null, updated_at: ref.now, finished_at: ref.now })
    .where('id', '=', ref.id)
    .where('state', '=', 'running')
    .where('locked_by', '=', ref.workerId)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** A handler's write found that its worker no longer holds the job's lease (another worker took it over). */
export class LeaseLostError extends Error {
  override readonly name = 'LeaseLostError';
}

/**
 * SQL condition "this attempt still holds the job's lease": a handler adds it to its own writes (fencing), so
 * a worker whose lease expired and was taken over cannot overwrite the new owner's state.
 */
export function leaseHeld(job: Pick<Job, 'id' | 'lockedBy'>) {
  return sql<boolean>`exists (select 1 from jobs where jobs.id = ${job.id} and jobs.state = 'running' and jobs.locked_by = ${job.lockedBy})`;
}

export const maxErrorLength = 500;

/**
 * The text kept as `last_error`: error name and first line of the message, truncated. Stacks and causes
 * are dropped. Handlers must not put personal data into error messages.
 */
export function describeError(error: unknown): string {
  const name = error instanceof Error ? error.name : 'Error';
  const message = error instanceof Error ? error.message : String(error);
  const text = `${name}: ${message.split('\n')[0] ?? ''}`.trim();
  return text.length > maxErrorLength ? `${text.slice(0, maxErrorLength - 1)}…` : text;
}

export interface FailOptions extends LeaseRef {
  error: unknown;
  /** Delay before the next attempt, or null to give up now (permanent error, attempts exhausted). */
  retryInMs: number | null;
}

export type FailOutcome = 'retry' | 'dead' | 'lost';

/**
 * Records a failed attempt: back to `pending` at `now + retryInMs`, or `dead` when `retryInMs` is null or no
 * attempts remain. 'lost' when this worker no longer holds the job.
 */
export async function fail(executor: Executor, options: FailOptions): Promise<FailOutcome> {
  const lastError = describeError(options.error);
  const giveUp = options.retryInMs === null;
  const retryAt = new Date(options.now.getTime() + (options.retryInMs ?? 0));
  const row = await executor
    .updateTable('jobs')
    .set({
      state: sql<JobState>`case when ${giveUp} or attempts >= max_attempts then 'dead' else 'pending' end`,
      run_at: sql<Date>`case when ${giveUp} or attempts >= max_attempts then run_at else ${retryAt} end`,
      finished_at: sql<Date | null>`case when ${giveUp} or attempts >= max_attempts then ${options.now}::timestamptz end`,
      last_error: lastError,
      locked_by: null,
      locked_until: null,
      updated_at: options.now,
    })
    .where('id', '=', options.id)
    .where('state', '=', 'running')
    .where('locked_by', '=', options.workerId)
    .returning('state')
    .executeTakeFirst();
  if (!row) return 'lost';
  return row.state === 'dead' ? 'dead' : 'retry';
}

/** Extends the lease of a job this worker still holds (heartbeat of a long handler). false if lost. */
export async function extendLease(executor: Executor, ref: LeaseRef & { leaseMs: number }): Promise<boolean> {
  const result = await executor
    .updateTable('jobs')
    .set({ locked_until: new Date(ref.now.getTime() + ref.leaseMs), updated_at: ref.now })
    .where('id', '=', ref.id)
    .where('state', '=', 'running')
    .where('locked_by', '=', ref.workerId)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/**
 * Gives a claimed job back without counting the attempt (graceful shutdown before the handler finished):
 * it is pending again at once and another worker can take it.
 */
export async function releaseLease(executor: Executor, ref: LeaseRef): Promise<boolean> {
  const result = await executor
    .updateTable('jobs')
    .set({
      state: 'pending',
      attempts: sql<number>`greatest(attempts - 1, 0)`,
      run_at: ref.now,
      locked_by: null,
      locked_until: null,
      updated_at: ref.now,
    })
    .where('id', '=', ref.id)
    .where('state', '=', 'running')
    .where('locked_by', '=', ref.workerId)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/**
 * Runs a finished job again (operator's retry of work that turned out undone later, e.g. a delivery whose
 * receiver never fetched it): a `done` or `dead` job becomes pending with a fresh set of attempts. false if
 * the job is pending or running.
 */
export async function rerunFinished(executor: Executor, id: number, now?: Date): Promise<boolean> {
  const at = now ?? sql<Date>`now()`;
  const result = await executor
    .updateTable('jobs')
    .set({ state: 'pending', attempts: 0, run_at: at, finished_at: null, updated_at: at })
    .where('id', '=', id)
    .where('state', 'in', ['done', 'dead'])
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/**
 * Manual retry by an operator: a dead job becomes pending with a fresh set of attempts. The last error
 * stays visible until the next attempt. false if the job is not dead.
 */
export async function retryDead(executor: Executor, id: number, now?: Date): Promise<boolean> {
  const at = now ?? sql<Date>`now()`;
  const result = await executor
    .updateTable('jobs')
    .set({ state: 'pending', attempts: 0, run_at: at, finished_at: null, updated_at: at })
    .where('id', '=', id)
    .where('state', '=', 'dead')
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

export interface QueueDepth {
  /** Number of jobs per state (all states present, 0 when none). */
  counts: Record<JobState, number>;
  /** Seconds since the oldest pending job was created; null when nothing is pending. */
  oldestPendingAgeSeconds: number | null;
  /** Seconds the longest-waiting due pending job has been ready (`now - run_at`); null when none is due. */
  oldestDueWaitSeconds: number | null;
}

/** Queue figures for /metrics and the operator view. */
export async function queueDepth(executor: Executor, now?: Date): Promise<QueueDepth> {
  const at = now ?? sql<Date>`now()`;
  const rows = await executor
    .selectFrom('jobs')
    .select((eb) => ['state', eb.fn.countAll<number>().as('count')])
    .groupBy('state')
    .execute();
  const ages = await sql<{ pending_age: number | null; due_wait: number | null }>`
    select
      extract(epoch from (${at}::timestamptz - min(created_at)))::float8 as pending_age,
      extract(epoch from (${at}::timestamptz - min(run_at) filter (where run_at <= ${at}::timestamptz)))::float8 as due_wait
    from jobs where state = 'pending'`.execute(executor);
  const counts: Record<JobState, number> = { pending: 0, running: 0, done: 0, dead: 0 };
  for (const row of rows) counts[row.state] = Number(row.count);
  const age = ages.rows[0];
  const seconds = (v: number | null | undefined) => (v === null || v === undefined ? null : Math.max(0, Number(v)));
  return { counts, oldestPendingAgeSeconds: seconds(age?.pending_age), oldestDueWaitSeconds: seconds(age?.due_wait) };
}

/** Reads one job (operator view, tests). */
export async function getJob(executor: Executor, id: number): Promise<Job | undefined> {
  const row = await executor.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toJob(row as unknown as JobRow) : undefined;
}
