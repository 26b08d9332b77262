import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluate.ts';
import { parseExpression } from './parse.ts';

const answers: Record<string, unknown> = {
  zweck: 'rente',
  anzahl: 2,
  versand: 'post',
  hund: { rasse: 'a' },
  fahrzeuge: [{}, {}],
  leer: '',
  interessen: ['sport', 'musik'],
  geburtsdatum: '2008-01-16',
  zustimmung: true,
};

const resolve = (path: readonly string[]) =>
  path.reduce<unknown>(
    (node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined),
    answers,
  );

const run = (source: string) => evaluate(parseExpression(source), resolve, { today: '2026-01-15' });

describe('evaluate', () => {
  it.each([
    ['zweck == "rente" and anzahl > 1', true],
    ['zweck == "rente" and anzahl > 2', false],
    ['not(versand == "post")', false],
    ['not versand == "abholung"', true],
    ['hund.rasse in ["a","b"]', true],
    ['hund.rasse not in ["a","b"]', false],
    ['count(fahrzeuge) >= 2', true],
    ['count(unbekannt) == 0', true],
    ['isEmpty(leer) and isEmpty(unbekannt) and not isEmpty(zweck)', true],
    ['isNotEmpty(interessen)', true],
    ['"sport" in interessen', true],
    ['interessen in ["musik"]', true],
    ['contains(interessen, "kunst")', false],
    ['anzahl + 1 == 3 and anzahl * 2 == 4 and anzahl / 2 == 1 and anzahl - 3 == -1', true],
    ['anzahl / 0 == null', true],
    ['unbekannt > 1', false],
    ['unbekannt == null', true],
    ['zweck > 1', false],
    ['anzahl == "2"', false],
    ['yearsSince(geburtsdatum) >= 18', false],
    ['yearsSince(geburtsdatum) == 17', true],
    ['today() == "2026-01-15"', true],
    ['geburtsdatum < today()', true],
    ['zustimmung', true],
    ['zweck == "x" or anzahl == 2', true],
    ['length(zweck) == 5', true],
  ])('%s → %s', (source, expected) => {
    expect(run(source)).toBe(expected);
  });
});
