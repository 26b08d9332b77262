import { describe, expect, it } from 'vitest';
import { TtlCache } from './cache.ts';

describe('TtlCache', () => {
  it('returns values until they expire', () => {
    const c = new TtlCache<string>(1000, 10);
    c.set('a', 'x', 0);
    expect(c.get('a', 999)).toBe('x');
    expect(c.get('a', 1000)).toBeUndefined();
  });

  it('drops the oldest entry beyond its size', () => {
    const c = new TtlCache<number>(1000, 2);
    c.set('a', 1, 0);
    c.set('b', 2, 0);
    c.set('c', 3, 0);
    expect([c.get('a', 1), c.get('b', 1), c.get('c', 1)]).toEqual([undefined, 2, 3]);
  });

  it('computes once and then serves from memory', async () => {
    const c = new TtlCache<number>(1000, 10);
    let calls = 0;
    const compute = async () => ++calls;
    expect(await c.getOrCompute('k', 0, compute)).toBe(1);
    expect(await c.getOrCompute('k', 10, compute)).toBe(1);
    c.clear();
    expect(await c.getOrCompute('k', 20, compute)).toBe(2);
  });
});
