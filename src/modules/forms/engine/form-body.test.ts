import { describe, expect, it } from 'vitest';
import { parseFormBody } from './form-body.ts';

describe('parseFormBody', () => {
  it('nests bracketed names', () => {
    expect(
      parseFormBody({
        vorname: 'Anna',
        'geburtsdatum[tag]': '7',
        'geburtsdatum[monat]': '3',
        'fahrzeuge[2][kennzeichen]': 'MD-AB 1',
        'fahrzeuge[0][kennzeichen]': 'MD-CD 2',
      }),
    ).toEqual({
      vorname: 'Anna',
      geburtsdatum: { tag: '7', monat: '3' },
      fahrzeuge: { 2: { kennzeichen: 'MD-AB 1' }, 0: { kennzeichen: 'MD-CD 2' } },
    });
  });

  it('collects repeated names and [] into lists', () => {
    expect(parseFormBody({ a: ['x', 'y'], 'b[]': ['1', '2'] })).toEqual({ a: ['x', 'y'], b: ['1', '2'] });
    expect(
      parseFormBody(
        new URLSearchParams([
          ['a', 'x'],
          ['a', 'y'],
          ['a', 'z'],
        ]),
      ),
    ).toEqual({ a: ['x', 'y', 'z'] });
  });

  it.each([['__proto__[polluted]'], ['a[constructor][prototype]'], ['a]b'], ['a[b][c][d][e][f][g]'], ['[x]']])(
    'skips unsafe or malformed name %s',
    (name) => {
      const tree = parseFormBody({ [name]: '1' });
      expect(tree).toEqual({});
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    },
  );
});
