import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { type Clock, systemClock } from '../clock.ts';
import type { Database } from '../db/database.ts';
import {
  claim,
  complete,
  type Executor,
  extendLease,
  fail,
  type Job,
  LeaseLostError,
  reapExpiredLeases,
  releaseLease,
} from './queue.ts';
import { type JobDefinition, type JobRegistry, PermanentJobError } from './registry.ts';

/** The part of a pino logger the worker uses. Log fields never carry payloads (they may hold personal data). */
export interface WorkerLogger {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

/** How often a worker looks for expired last attempts (clock time). */
const REAP_INTERVAL_MS = 5_000;

const silentLogger: WorkerLogger = { info() {}, warn() {}, error() {} };

export interface WorkerOptions {
  /** Identifies this worker in `locked_by`. Default: host, pid and a random suffix. */
  workerId?: string;
  /** Jobs run at the same time. Default 4. */
  concurrency?: number;
  /** Pause between polls when no job is due. Default 1 s. */
  pollIntervalMs?: number;
  /** How long a claim holds without a heartbeat. Default 5 min. */
  leaseMs?: number;
  /** Lease extension interval for long handlers; `false` turns it off. Default: a third of the lease. */
  heartbeatMs?: number | false;
  /** How long `stop()` waits for running handlers before releasing their jobs. Default 30 s. */
  shutdownTimeoutMs?: number;
  clock?: Clock;
  logger?: WorkerLogger;
}

interface ActiveJob {
  job: Job;
  controller: AbortController;
  done: Promise<void>;
  released: boolean;
}

/**
 * Polls the jobs table and runs due jobs with their registered handlers. Runs inside the web process by
 * default and alone via `sac worker`; any number of workers may share one database, `FOR UPDATE SKIP
 * LOCKED` and the lease keep each attempt with one of them.
 */
export class Worker {
  readonly workerId: string;
  private readonly concurrency: number;
  private readonly pollIntervalMs: number;
  private readonly leaseMs: number;
  private readonly heartbeatMs: number | false;
  private readonly shutdownTimeoutMs: number;
  private readonly clock: Clock;
  private readonly log: WorkerLogger;
  private readonly active = new Map<number, ActiveJob>();
  private running = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  private lastReapAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly database: Database,
    private readonly registry: JobRegistry,
    options: WorkerOptions = {},
  ) {
    this.workerId = options.workerId ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    this.concurrency = Math.max(1, options.concurrency ?? 4);
    this.pollIntervalMs = options.pollIntervalMs ?? 1000;
    this.leaseMs = options.leaseMs ?? 5 * 60_000;
    this.heartbeatMs = options.heartbeatMs ?? Math.max(1, Math.floor(this.leaseMs / 3));
    this.shutdownTimeoutMs = options.shutdownTimeoutMs ?? 30_000;
    this.clock = options.clock ?? systemClock;
    this.log = options.logger ?? silentLogger;
  }

  /** Number of handlers running right now. */
  get activeCount(): number {
    return this.active.size;
  }

  /** Starts polling in the background. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.pollLoop();
    this.log.info({ workerId: this.workerId, kinds: this.registry.kinds() }, 'job worker started');
  }

  /**
   * Graceful stop: claims nothing more, waits up to the shutdown timeout for running handlers, then aborts
   * the rest and releases their jobs so that another worker takes them over at once.
   */
  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    this.loop = undefined;
    const pending = [...this.active.values()];
    if (pending.length > 0) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, this.shutdownTimeoutMs);
      });
      await Promise.race([Promise.allSettled(pending.map((a) => a.done)), timeout]);
      clearTimeout(timer);
    }
    for (const entry of this.active.values()) {
      entry.released = true;
      entry.controller.abort(new Error('worker stopping'));
      const released = await releaseLease(this.database.db, {
        id: entry.job.id,
        workerId: this.workerId,
        now: this.clock.now(),
      }).catch((error: unknown) => {
        this.log.error({ jobId: entry.job.id, err: errorName(error) }, 'could not release job lease');
        return false;
      });
      this.log.warn(
        { jobId: entry.job.id, kind: entry.job.kind, released },
        'job still running at shutdown, lease released',
      );
    }
    this.log.info({ workerId: this.workerId }, 'job worker stopped');
  }

  /** Claims due jobs once (up to the free slots) and waits until they are finished. For tests and one-shot runs. */
  async runOnce(): Promise<number> {
    const claimed = await this.poll();
    await Promise.allSettled([...this.active.values()].map((a) => a.done));
    return claimed;
  }

  private async pollLoop(): Promise<void> {
    while (this.running) {
      let claimed = 0;
      let free = 0;
      try {
        free = this.concurrency - this.active.size;
        claimed = await this.poll();
      } catch (error) {
        // Database unreachable (restart, network): keep the process alive and try again after a pause.
        this.log.error({ workerId: this.workerId, err: errorName(error) }, 'job poll failed');
      }
      if (!this.running) break;
      if (claimed === 0 || claimed < free || this.active.size >= this.concurrency)
        await this.sleep(this.pollIntervalMs);
    }
  }

  /** Waits for the poll interval, or less when a job finishes or stop() is called. */
  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = () => {
        this.wake = undefined;
        done();
      };
    });
  }

  private async poll(): Promise<number> {
    const free = this.concurrency - this.active.size;
    if (free <= 0) return 0;
    const now = this.clock.now();
    // Reaping looks for crashed workers' last attempts: once per interval is enough, not on every claim.
    if (now.getTime() - this.lastReapAt >= REAP_INTERVAL_MS || now.getTime() < this.lastReapAt) {
      this.lastReapAt = now.getTime();
      const reaped = await reapExpiredLeases(this.database.db, now);
      if (reaped > 0) this.log.warn({ count: reaped }, 'jobs dead after their last lease expired');
    }
    const jobs = await claim(this.database.db, {
      workerId: this.workerId,
      kinds: this.registry.kinds(),
      limit: free,
      leaseMs: this.leaseMs,
      now,
    });
    for (const job of jobs) this.launch(job);
    return jobs.length;
  }

  private launch(job: Job): void {
    const definition = this.registry.get(job.kind);
    const controller = new AbortController();
    const entry: ActiveJob = { job, controller, released: false, done: Promise.resolve() };
    entry.done = this.execute(entry, definition)
      .catch((error: unknown) => {
        // complete/fail could not reach the database: the lease expires and the job runs again.
        this.log.error({ jobId: job.id, kind: job.kind, err: errorName(error) }, 'could not record job result');
      })
      .finally(() => {
        this.active.delete(job.id);
        this.wake?.();
      });
    this.active.set(job.id, entry);
  }

  private async execute(entry: ActiveJob, definition: JobDefinition | undefined): Promise<void> {
    const { job, controller } = entry;
    const ref = () => ({ id: job.id, workerId: this.workerId, now: this.clock.now() });
    const heartbeat =
      this.heartbeatMs === false ? undefined : setInterval(() => this.heartbeat(entry), this.heartbeatMs);
    heartbeat?.unref();
    try {
      if (!definition) throw new PermanentJobError(`No handler registered for job kind "${job.kind}"`);
      let completedByHandler = false;
      const completeWith = async (executor: Executor) => {
        if (!(await complete(executor, ref()))) throw new LeaseLostError('job lease was taken over');
        completedByHandler = true;
      };
      await definition.handler(job.payload, { job, signal: controller.signal, now: this.clock.now(), completeWith });
      if (entry.released) return;
      if (completedByHandler) this.log.info({ jobId: job.id, kind: job.kind, attempt: job.attempts }, 'job done');
      else if (await complete(this.database.db, ref()))
        this.log.info({ jobId: job.id, kind: job.kind, attempt: job.attempts }, 'job done');
      else this.log.warn({ jobId: job.id, kind: job.kind }, 'job finished after its lease was taken over');
    } catch (error) {
      if (entry.released) return;
      const permanent = error instanceof PermanentJobError;
      const exhausted = job.attempts >= job.maxAttempts;
      const retryInMs = permanent || exhausted || !definition ? null : definition.backoff(job.attempts);
      const outcome = await fail(this.database.db, { ...ref(), error, retryInMs });
      const fields = {
        jobId: job.id,
        kind: job.kind,
        attempt: job.attempts,
        err: errorName(error),
        outcome,
        retryInMs,
      };
      if (outcome === 'dead') this.log.error(fields, 'job dead');
      else this.log.warn(fields, 'job attempt failed');
    } finally {
      if (heartbeat) clearInterval(heartbeat);
    }
  }

  private async heartbeat(entry: ActiveJob): Promise<void> {
    if (entry.released || entry.controller.signal.aborted) return;
    try {
      const held = await extendLease(this.database.db, {
        id: entry.job.id,
        workerId: this.workerId,
        now: this.clock.now(),
        leaseMs: this.leaseMs,
      });
      if (!held) {
        this.log.warn({ jobId: entry.job.id, kind: entry.job.kind }, 'job lease lost');
        entry.controller.abort(new Error('job lease lost'));
      }
    } catch (error) {
      this.log.warn({ jobId: entry.job.id, err: errorName(error) }, 'job heartbeat failed');
    }
  }
}

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : 'Error';
}

/**
 * Starts a worker on `database` for the kinds in `registry` and returns it; call `stop()` on SIGTERM.
 * Used by `sac serve` (inside the web process) and `sac worker` (alone).
 */
export function runWorker(database: Database, config: WorkerOptions, registry: JobRegistry): Worker {
  const worker = new Worker(database, registry, config);
  worker.start();
  return worker;
}
