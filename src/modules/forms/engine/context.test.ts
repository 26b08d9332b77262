import { describe, expect, it } from 'vitest';
import { todayIn } from './context.ts';

describe('todayIn', () => {
  it.each([
    ['2026-03-28T22:59:59Z', '2026-03-28'],
    ['2026-03-28T23:00:00Z', '2026-03-29'],
    ['2026-07-01T21:59:00Z', '2026-07-01'],
    ['2026-07-01T22:00:00Z', '2026-07-02'],
  ])('%s is %s in Berlin', (instant, expected) => {
    expect(todayIn(new Date(instant))).toBe(expected);
  });
});
