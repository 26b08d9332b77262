import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/platform/clock.ts';
import { AppError } from '../../src/platform/errors.ts';
import {
  DatabaseRateLimitStore,
  MemoryRateLimitStore,
  RateLimiter,
  type RateLimitStore,
} from '../../src/platform/http/rate-limit.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db.ts';

const rule = { name: 'test', limit: 3, windowMs: 60_000 };

let testDb: TestDatabase;
beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(() => testDb.cleanup());

const stores: Array<[string, () => RateLimitStore]> = [
  ['memory', () => new MemoryRateLimitStore()],
  ['database', () => new DatabaseRateLimitStore(testDb.database.db)],
];

describe.each(stores)('RateLimiter with the %s store', (_name, makeStore) => {
  it('blocks after `limit` hits until the window ends, with Retry-After in seconds', async () => {
    const clock = new ManualClock('2026-03-01T10:00:00Z');
    const limiter = new RateLimiter(makeStore(), clock, 'secret-a');
    const subject = `user-${Math.random()}`;
    expect((await limiter.check(rule, subject)).blocked).toBe(false);
    await limiter.hit(rule, subject);
    clock.advance(10_000);
    await limiter.hit(rule, subject);
    const third = await limiter.hit(rule, subject);
    expect(third).toEqual({ hits: 3, blocked: true, retryAfterSeconds: 50 });
    const error = await limiter.assertAllowed(rule, subject).catch((e) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error.status).toBe(429);
    expect(error.headers['retry-after']).toBe('50');
    expect(error.detail).toMatch(/in 1 Minute erneut/);
    clock.advance(49_000);
    expect((await limiter.check(rule, subject)).retryAfterSeconds).toBe(1);
    clock.advance(1_000);
    expect((await limiter.check(rule, subject)).blocked).toBe(false);
    expect((await limiter.hit(rule, subject)).hits).toBe(1);
  });

  it('keeps subjects and rules apart, and reset clears one counter', async () => {
    const clock = new ManualClock();
    const limiter = new RateLimiter(makeStore(), clock, 'secret-b');
    const other = { ...rule, name: 'other' };
    for (let i = 0; i < 3; i++) await limiter.hit(rule, 'alice');
    expect((await limiter.check(rule, 'alice')).blocked).toBe(true);
    expect((await limiter.check(rule, 'bob')).blocked).toBe(false);
    expect((await limiter.check(other, 'alice')).blocked).toBe(false);
    await limiter.reset(rule, 'alice');
    expect((await limiter.check(rule, 'alice')).hits).toBe(0);
  });

  it('consume counts every attempt and refuses the one after the limit', async () => {
    const clock = new ManualClock();
    const limiter = new RateLimiter(makeStore(), clock, 'secret-c');
    for (let i = 0; i < 3; i++) await limiter.consume(rule, 'ip-1');
    const error = await limiter.consume(rule, 'ip-1').catch((e) => e);
    expect(error.status).toBe(429);
    expect(error.headers['retry-after']).toBe('60');
    clock.advance(60_000);
    await expect(limiter.consume(rule, 'ip-1')).resolves.toBeUndefined();
  });

  it('prune removes old counters', async () => {
    const clock = new ManualClock();
    const limiter = new RateLimiter(makeStore(), clock, 'secret-d');
    await limiter.hit(rule, `old-${Math.random()}`);
    clock.advance(120_000);
    expect(await limiter.prune(60_000)).toBeGreaterThanOrEqual(1);
  });
});

it('the database store stores no subject in clear text', async () => {
  const limiter = new RateLimiter(new DatabaseRateLimitStore(testDb.database.db), new ManualClock(), 'secret-e');
  await limiter.hit(rule, 'erika@example.org');
  const rows = await testDb.database.db.selectFrom('rate_limits').select('key').execute();
  expect(rows.some((r) => r.key.includes('erika'))).toBe(false);
});

it('concurrent hits on the database store are all counted', async () => {
  const limiter = new RateLimiter(new DatabaseRateLimitStore(testDb.database.db), new ManualClock(), 'secret-f');
  await Promise.all(Array.from({ length: 20 }, () => limiter.hit({ ...rule, limit: 100 }, 'race')));
  expect((await limiter.check({ ...rule, limit: 100 }, 'race')).hits).toBe(20);
});
