import { describe, expect, it } from 'vitest';
import type { CurrencyField, NumberField, TextField } from '../../definition/types.ts';
import { runField } from './testing.ts';

const text: TextField = {
  id: 't',
  type: 'text',
  label: 'Name',
  minLength: 2,
  maxLength: 5,
  pattern: '[A-Za-zÄÖÜäöüß]+',
};

describe('text', () => {
  it.each([
    ['  Anna ', { value: 'Anna' }],
    ['', { value: undefined }],
    ['A', { code: 'tooShort' }],
    ['Johannes', { code: 'tooLong' }],
    ['Ab1', { code: 'pattern' }],
    ['Jörg', { value: 'Jörg' }],
    [['first', 'Größe'], { value: 'Größe' }],
    ['x'.repeat(1_000_000), { code: 'tooLong' }],
  ])('%j → %j', (raw, expected) => {
    expect(runField(text, raw)).toEqual(expected);
  });

  it('counts characters, not UTF-16 units', () => {
    expect(runField({ ...text, pattern: undefined, maxLength: 2 }, '😀😀')).toEqual({ value: '😀😀' });
  });
});

describe('number and integer', () => {
  const number: NumberField = { id: 'n', type: 'number', label: 'Fläche', min: 0, max: 2000 };
  const integer: NumberField = { id: 'i', type: 'integer', label: 'Anzahl', min: 1, max: 10 };
  it.each([
    [number, '12,5', { value: 12.5 }],
    [number, '12.5', { value: 12.5 }],
    [number, '1.234', { value: 1234 }],
    [number, '1.234,5', { value: 1234.5 }],
    [number, '-1', { code: 'min' }],
    [number, '2000,01', { code: 'max' }],
    [number, 'zwölf', { code: 'number' }],
    [number, '1,2,3', { code: 'number' }],
    [integer, '3', { value: 3 }],
    [integer, ' 10 ', { value: 10 }],
    [integer, '11', { code: 'max' }],
    [integer, '0', { code: 'min' }],
    [integer, '2,5', { code: 'integer' }],
    [integer, '', { value: undefined }],
  ])('%s %j → %j', (field, raw, expected) => {
    expect(runField(field, raw)).toEqual(expected);
  });
});

describe('currency', () => {
  const currency: CurrencyField = { id: 'c', type: 'currency', label: 'Betrag', min: 100, max: 500_000 };
  it.each([
    ['1.234,56', { value: 123456 }],
    ['12,5', { value: 1250 }],
    ['12', { value: 1200 }],
    ['12,50 €', { value: 1250 }],
    ['12.50', { value: 1250 }],
    ['0,99', { code: 'min' }],
    ['5.000,01', { code: 'max' }],
    ['12,345', { code: 'currency' }],
    ['-5', { code: 'currency' }],
    ['viel', { code: 'currency' }],
  ])('%j → %j', (raw, expected) => {
    expect(runField(currency, raw)).toEqual(expected);
  });
});
