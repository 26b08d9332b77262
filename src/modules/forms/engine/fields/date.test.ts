import { describe, expect, it } from 'vitest';
import type { DateField } from '../../definition/types.ts';
import { dateType } from './date.ts';
import { runField } from './testing.ts';

const date: DateField = { id: 'd', type: 'date', label: 'Geburtsdatum' };
const d = (tag: string, monat: string, jahr: string) => ({ tag, monat, jahr });

describe('date parsing', () => {
  it.each([
    [d('17', '3', '1985'), { value: '1985-03-17' }],
    [d('07', '03', '1985'), { value: '1985-03-07' }],
    [d(' 7', '3 ', '1985'), { value: '1985-03-07' }],
    [d('', '', ''), { value: undefined }],
    [undefined, { value: undefined }],
    [d('', '3', '1985'), { code: 'dateIncomplete', subfield: 'tag' }],
    [d('17', '', '1985'), { code: 'dateIncomplete', subfield: 'monat' }],
    [d('17', '3', ''), { code: 'dateIncomplete', subfield: 'jahr' }],
    [d('17', 'März', '1985'), { code: 'dateInvalid', subfield: 'monat' }],
    [d('17', '3', '85'), { code: 'dateYear', subfield: 'jahr' }],
    [d('30', '2', '2024'), { code: 'dateInvalid', subfield: 'tag' }],
    [d('29', '2', '2024'), { value: '2024-02-29' }],
    [d('29', '2', '2023'), { code: 'dateInvalid', subfield: 'tag' }],
    [d('1', '13', '2020'), { code: 'dateInvalid', subfield: 'monat' }],
    ['1985-03-17', { value: '1985-03-17' }],
    ['17.3.1985', { value: '1985-03-17' }],
    ['17/3/1985', { code: 'dateInvalid', subfield: 'tag' }],
  ])('%j → %j', (raw, expected) => {
    expect(runField(date, raw)).toEqual(expected);
  });
});

describe('date rules (today 2026-01-15)', () => {
  it.each([
    ['past', '2026-01-14', undefined],
    ['past', '2026-01-15', 'past'],
    ['notFuture', '2026-01-15', undefined],
    ['notFuture', '2026-01-16', 'notFuture'],
    ['future', '2026-01-15', 'future'],
    ['future', '2026-01-16', undefined],
    ['notPast', '2026-01-14', 'notPast'],
    ['notPast', '2026-01-15', undefined],
  ] as const)('%s with %s → %s', (mustBe, iso, code) => {
    expect(runField({ ...date, mustBe }, iso).code).toBe(code);
  });

  it.each([
    [{ notBefore: 'beginn' }, '2026-03-01', { beginn: '2026-03-02' }, 'notBefore'],
    [{ notBefore: 'beginn' }, '2026-03-02', { beginn: '2026-03-02' }, undefined],
    [{ notBefore: 'beginn' }, '2026-03-01', { beginn: undefined }, undefined],
    [{ notAfter: 'ende' }, '2026-03-03', { ende: '2026-03-02' }, 'notAfter'],
    [{ notBefore: 'today' }, '2026-01-14', {}, 'notBefore'],
    [{ notBefore: '2000-01-01' }, '1999-12-31', {}, 'notBefore'],
    [{ notAfter: '2000-01-01' }, '2000-01-01', {}, undefined],
  ])('%j with %s and %j → %s', (rule, iso, others, code) => {
    expect(runField({ ...date, ...rule }, iso, { others }).code).toBe(code);
  });

  it('uses the other field label in the message key', () => {
    const ctx = { today: '2026-01-15', lang: 'de' as const, lookup: () => ({ value: '2026-05-01', label: 'Beginn' }) };
    expect(dateType.validate!('2026-04-01', { ...date, notBefore: 'beginn' }, ctx)).toEqual({
      code: 'notBefore',
      params: { other: 'Beginn' },
      messageKey: 'notBeforeField',
    });
  });

  it('gives the three inputs back for re-rendering', () => {
    expect(dateType.toRaw!('1985-03-07', date)).toEqual({ tag: '07', monat: '03', jahr: '1985' });
  });
});
