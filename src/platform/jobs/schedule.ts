import type { Clock } from '../clock.ts';
import type { Database } from '../db/database.ts';
import { enqueue } from './queue.ts';

export interface PeriodicJob {
  kind: string;
  everyMs: number;
  payload?: Record<string, unknown>;
}

/**
 * Enqueues each periodic job once per interval (retention, upload cleanup, payment reconciliation).
 * The dedupe key names the interval, so any number of processes ticking at once still create one job
 * per period; the worker that claims it runs it.
 */
export async function enqueueDuePeriodicJobs(database: Database, jobs: PeriodicJob[], now: Date): Promise<number> {
  let created = 0;
  for (const job of jobs) {
    const period = Math.floor(now.getTime() / job.everyMs);
    const result = await enqueue(database.db, {
      kind: job.kind,
      payload: job.payload ?? {},
      dedupeKey: `periodic:${job.kind}:${period}`,
      maxAttempts: 3,
      now,
    });
    if (result.created) created++;
  }
  return created;
}

/** Ticks every `tickMs` (default one minute) until the returned stop function is called. */
export function startScheduler(
  database: Database,
  jobs: PeriodicJob[],
  opts: { clock: Clock; tickMs?: number; onError?: (error: unknown) => void },
): () => void {
  const tick = () => enqueueDuePeriodicJobs(database, jobs, opts.clock.now()).catch((e) => opts.onError?.(e));
  void tick();
  const timer = setInterval(tick, opts.tickMs ?? 60_000);
  timer.unref();
  return () => clearInterval(timer);
}
