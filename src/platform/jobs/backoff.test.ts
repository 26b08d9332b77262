import { describe, expect, it } from 'vitest';
import { createBackoff } from './backoff.ts';

const MIN = 60_000;

describe('createBackoff', () => {
  it('follows the default schedule, then waits a day per retry', () => {
    const backoff = createBackoff({ jitter: 0 });
    expect([1, 2, 3, 4, 5, 6, 7, 20].map(backoff)).toEqual([
      MIN,
      5 * MIN,
      30 * MIN,
      120 * MIN,
      720 * MIN,
      1440 * MIN,
      1440 * MIN,
      1440 * MIN,
    ]);
  });

  it('takes a schedule per kind', () => {
    const backoff = createBackoff({ schedule: [1000, 2000], thenEveryMs: 5000, jitter: 0 });
    expect([1, 2, 3, 4].map(backoff)).toEqual([1000, 2000, 5000, 5000]);
  });

  it('spreads delays by the jitter fraction', () => {
    expect(createBackoff({ jitter: 0.1, random: () => 0 })(1)).toBe(54_000);
    expect(createBackoff({ jitter: 0.1, random: () => 0.5 })(1)).toBe(60_000);
    expect(createBackoff({ jitter: 0.1, random: () => 0.999_999 })(1)).toBe(66_000);
  });

  it('rejects nonsense jitter', () => {
    expect(() => createBackoff({ jitter: 1 })).toThrow(RangeError);
  });
});
