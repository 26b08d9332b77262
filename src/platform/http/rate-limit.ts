import { createHmac } from 'node:crypto';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Clock } from '../clock.ts';
import type { DB } from '../db/schema.ts';
import { AppError } from '../errors.ts';

/**
 * Rate limits for brute-force-prone endpoints (staff login, status lookup, mailbox PIN; F-25).
 *
 * Choice: fixed windows counted in the database (`rate_limits`), not in process memory, so that the
 * limit holds across every web process of an installation and survives a restart — an attacker gains
 * nothing by hitting another process. One upsert per counted attempt is cheap next to an argon2 hash.
 * Keys are an HMAC of rule and subject (e-mail, IP …), so no personal data is stored. A memory store
 * exists for unit tests and single-process tools.
 */
export interface RateLimitRule {
  /** Stable name, part of the key (e.g. `staff-login-account`). */
  name: string;
  /** Attempts allowed per window; the next one is refused. */
  limit: number;
  windowMs: number;
}

export interface RateLimitState {
  hits: number;
  blocked: boolean;
  /** Whole seconds until the window ends (0 when not blocked). */
  retryAfterSeconds: number;
}

/** Storage of one counter per key: `increment` starts a new window when the old one has ended. */
export interface RateLimitStore {
  increment(key: string, now: Date, windowMs: number): Promise<{ hits: number; windowStart: Date }>;
  read(key: string): Promise<{ hits: number; windowStart: Date } | undefined>;
  reset(key: string): Promise<void>;
  /** Deletes counters whose window started before `before`. */
  prune(before: Date): Promise<number>;
}

export class DatabaseRateLimitStore implements RateLimitStore {
  constructor(private readonly db: Kysely<DB>) {}

  async increment(key: string, now: Date, windowMs: number) {
    const cutoff = new Date(now.getTime() - windowMs);
    const row = await this.db
      .insertInto('rate_limits')
      .values({ key, window_start: now, hits: 1 })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet({
          hits: sql<number>`case when rate_limits.window_start <= ${cutoff} then 1 else rate_limits.hits + 1 end`,
          window_start: sql<Date>`case when rate_limits.window_start <= ${cutoff} then ${now} else rate_limits.window_start end`,
        }),
      )
      .returning(['hits', 'window_start'])
      .executeTakeFirstOrThrow();
    return { hits: Number(row.hits), windowStart: new Date(row.window_start) };
  }

  async read(key: string) {
    const row = await this.db
      .selectFrom('rate_limits')
      .select(['hits', 'window_start'])
      .where('key', '=', key)
      .executeTakeFirst();
    return row ? { hits: Number(row.hits), windowStart: new Date(row.window_start) } : undefined;
  }

  async reset(key: string) {
    await this.db.deleteFrom('rate_limits').where('key', '=', key).execute();
  }

  async prune(before: Date) {
    const result = await this.db.deleteFrom('rate_limits').where('window_start', '<', before).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}

/** Per-process counters: for unit tests and single-process tools only. */
export class MemoryRateLimitStore implements RateLimitStore {
  private readonly counters = new Map<string, { hits: number; windowStart: Date }>();

  async increment(key: string, now: Date, windowMs: number) {
    const current = this.counters.get(key);
    const next =
      !current || current.windowStart.getTime() + windowMs <= now.getTime()
        ? { hits: 1, windowStart: now }
        : { hits: current.hits + 1, windowStart: current.windowStart };
    this.counters.set(key, next);
    return next;
  }
  async read(key: string) {
    return this.counters.get(key);
  }
  async reset(key: string) {
    this.counters.delete(key);
  }
  async prune(before: Date) {
    let n = 0;
    for (const [k, v] of this.counters)
      if (v.windowStart < before) {
        this.counters.delete(k);
        n++;
      }
    return n;
  }
}

/**
 * Counts attempts per rule and subject within fixed windows.
 *
 *   const limiter = new RateLimiter(new DatabaseRateLimitStore(db), clock, config.secretKey);
 *   await limiter.assertAllowed(rule, email);   // 429 + Retry-After when the limit is reached
 *   if (!ok) await limiter.hit(rule, email);    // count only failures (login) …
 *   await limiter.consume(rule, request.ip);    // … or every attempt (status lookup)
 */
export class RateLimiter {
  constructor(
    private readonly store: RateLimitStore,
    private readonly clock: Clock,
    private readonly secret: string,
  ) {}

  private key(rule: RateLimitRule, subject: string): string {
    return createHmac('sha256', this.secret).update(`${rule.name}\n${subject}`).digest('base64url');
  }

  private state(rule: RateLimitRule, counter: { hits: number; windowStart: Date } | undefined): RateLimitState {
    const now = this.clock.now().getTime();
    if (!counter) return { hits: 0, blocked: false, retryAfterSeconds: 0 };
    const endsAt = counter.windowStart.getTime() + rule.windowMs;
    if (endsAt <= now) return { hits: 0, blocked: false, retryAfterSeconds: 0 };
    const blocked = counter.hits >= rule.limit;
    return {
      hits: counter.hits,
      blocked,
      retryAfterSeconds: blocked ? Math.max(1, Math.ceil((endsAt - now) / 1000)) : 0,
    };
  }

  /** The current state without counting. */
  async check(rule: RateLimitRule, subject: string): Promise<RateLimitState> {
    return this.state(rule, await this.store.read(this.key(rule, subject)));
  }

  /** Counts one attempt and returns the state after it (`blocked` once `limit` attempts are used up). */
  async hit(rule: RateLimitRule, subject: string): Promise<RateLimitState> {
    const counter = await this.store.increment(this.key(rule, subject), this.clock.now(), rule.windowMs);
    return this.state(rule, counter);
  }

  /** Throws 429 with `Retry-After` when the subject has used up the rule's attempts. */
  async assertAllowed(rule: RateLimitRule, subject: string, detail?: string): Promise<void> {
    const state = await this.check(rule, subject);
    if (state.blocked) throw rateLimitedError(state.retryAfterSeconds, detail);
  }

  /** Counts the attempt, then throws 429 if it was over the limit (limit + 1-th attempt and later). */
  async consume(rule: RateLimitRule, subject: string, detail?: string): Promise<void> {
    const counter = await this.store.increment(this.key(rule, subject), this.clock.now(), rule.windowMs);
    if (counter.hits > rule.limit) {
      const endsAt = counter.windowStart.getTime() + rule.windowMs;
      throw rateLimitedError(Math.max(1, Math.ceil((endsAt - this.clock.now().getTime()) / 1000)), detail);
    }
  }

  async reset(rule: RateLimitRule, subject: string): Promise<void> {
    await this.store.reset(this.key(rule, subject));
  }

  /** Removes counters older than `maxWindowMs` (for a periodic clean-up job). */
  prune(maxWindowMs: number): Promise<number> {
    return this.store.prune(new Date(this.clock.now().getTime() - maxWindowMs));
  }
}

/** 429 with `Retry-After` and a German explanation naming the wait in minutes. */
export function rateLimitedError(retryAfterSeconds: number, detail?: string): AppError {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  const text =
    detail ??
    `Zu viele Versuche. Aus Sicherheitsgründen ist dieser Vorgang vorübergehend gesperrt. Bitte versuchen Sie es in ${minutes} ${minutes === 1 ? 'Minute' : 'Minuten'} erneut.`;
  return new AppError('rate_limited', text, { headers: { 'retry-after': String(retryAfterSeconds) } });
}

export interface RateLimitTables {
  rate_limits: { key: string; window_start: Date; hits: number };
}
