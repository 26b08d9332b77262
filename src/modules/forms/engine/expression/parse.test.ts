import { describe, expect, it } from 'vitest';
import { ExpressionError } from './ast.ts';
import { parseExpression } from './parse.ts';

describe('parseExpression', () => {
  it.each([
    'zweck == "rente" and anzahl > 1',
    'not(versand == "post")',
    'not versand == "post"',
    'hund.rasse in ["a", "b"]',
    "art not in ['x']",
    'count(fahrzeuge) >= 2',
    'isEmpty(x) or (a + 1) * 2 / 3 - -1 > 0',
    'yearsSince(geburtsdatum) >= 18',
    'a != null and b == true and c == false',
    'length(name) <= 3.5',
    'contains(liste, "x")',
    'today() > datum',
  ])('parses %s', (source) => {
    expect(() => parseExpression(source)).not.toThrow();
  });

  it.each([
    ['a ==', 'Unexpected "end of expression" at position 4'],
    ['a == "open', 'Unterminated string at position 5'],
    ['(a == 1', 'Expected ")" but found "end of expression" at position 7'],
    ['a = 1', 'Unexpected character "=" at position 2'],
    ['a == 1 b', 'Unexpected "b" at position 7'],
    ['foo(a)', 'Unknown function "foo" at position 0'],
    ['count(a, b)', 'Function "count" takes 1 argument(s), got 2 at position 0'],
    ['a.', 'Expected a field name after "." at position 2'],
    ['and', 'Unexpected "and" at position 0'],
    ['a && b', 'Unexpected character "&" at position 2'],
    ['', 'Unexpected "end of expression" at position 0'],
    [`${'('.repeat(60)}a${')'.repeat(60)}`, 'Expression is nested too deeply at position 50'],
  ])('rejects %j with a positioned message', (source, message) => {
    expect(() => parseExpression(source)).toThrow(ExpressionError);
    expect(() => parseExpression(source)).toThrow(message);
  });

  it('rejects overly long expressions', () => {
    expect(() => parseExpression(`a == "${'x'.repeat(3000)}"`)).toThrow(/longer than/);
  });

  it('builds `not in` as one operator and `not(...)` as negation', () => {
    expect(parseExpression('a not in [1]')).toMatchObject({ kind: 'compare', op: 'not in' });
    expect(parseExpression('not(a)')).toMatchObject({ kind: 'not', operand: { kind: 'ref', path: ['a'] } });
  });
});
