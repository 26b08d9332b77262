const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Delays after the 1st, 2nd, … failed attempt; after the last entry every retry waits `thenEveryMs`. */
export const defaultBackoffSchedule: readonly number[] = [1 * MINUTE, 5 * MINUTE, 30 * MINUTE, 2 * HOUR, 12 * HOUR];

export interface BackoffOptions {
  /** Delays in ms after failed attempt 1, 2, … Default: 1 min, 5 min, 30 min, 2 h, 12 h. */
  schedule?: readonly number[];
  /** Delay once the schedule is used up. Default: one day. */
  thenEveryMs?: number;
  /** Random spread as a fraction of the delay (0.1 = ±10 %); 0 disables it. Default 0.1. */
  jitter?: number;
  /** Source of randomness in [0, 1); injectable for tests. */
  random?: () => number;
}

/** Maps the number of attempts made so far (≥ 1) to the delay in ms before the next one. */
export type Backoff = (attempts: number) => number;

/**
 * Builds a backoff policy: the schedule's delay for the attempt that just failed, spread by jitter so that
 * jobs that failed together (a connector outage) do not all retry in the same second.
 */
export function createBackoff(options: BackoffOptions = {}): Backoff {
  const schedule = options.schedule ?? defaultBackoffSchedule;
  const thenEveryMs = options.thenEveryMs ?? DAY;
  const jitter = options.jitter ?? 0.1;
  const random = options.random ?? Math.random;
  if (jitter < 0 || jitter >= 1) throw new RangeError('jitter must be in [0, 1)');
  return (attempts) => {
    const index = Math.max(1, Math.floor(attempts)) - 1;
    const base = schedule[index] ?? thenEveryMs;
    if (jitter === 0) return base;
    return Math.round(base * (1 + jitter * (2 * random() - 1)));
  };
}

/** The default policy with jitter. */
export const defaultBackoff: Backoff = createBackoff();
