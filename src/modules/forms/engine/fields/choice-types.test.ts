import { describe, expect, it } from 'vitest';
import type { CheckboxField, ChoiceField, CountryField } from '../../definition/types.ts';
import { fieldTypes } from './registry.ts';
import { runField } from './testing.ts';

const options = [
  { value: 'post', label: 'Per Post' },
  { value: 'abholung', label: { de: 'Abholung', en: 'Collection' } },
  { value: 'email', label: 'Per E-Mail' },
];

describe('select and radio', () => {
  it.each(['select', 'radio'] as const)('%s accepts only defined options', (type) => {
    const field: ChoiceField = { id: 'v', type, label: 'Versand', options };
    expect(runField(field, 'post')).toEqual({ value: 'post' });
    expect(runField(field, 'fax')).toEqual({ code: 'option' });
    expect(runField(field, '')).toEqual({ value: undefined });
    expect(fieldTypes[type].format('abholung', field, 'en')).toBe('Collection');
  });
});

describe('checkboxes', () => {
  const field: ChoiceField = { id: 'k', type: 'checkboxes', label: 'Kanäle', options, minSelected: 1, maxSelected: 2 };
  it.each([
    ['post', { value: ['post'] }],
    [['post', 'email'], { value: ['post', 'email'] }],
    [['post', 'post'], { value: ['post'] }],
    [{ 0: 'post', 1: 'abholung' }, { value: ['post', 'abholung'] }],
    [['post', 'abholung', 'email'], { code: 'maxSelected' }],
    [['post', 'fax'], { code: 'option' }],
    [undefined, { value: undefined }],
  ])('%j → %j', (raw, expected) => {
    expect(runField(field, raw)).toEqual(expected);
  });

  it('formats the labels of the ticked options', () => {
    expect(fieldTypes.checkboxes.format(['post', 'email'], field, 'de')).toBe('Per Post, Per E-Mail');
  });
});

describe('checkbox', () => {
  const field: CheckboxField = { id: 'ok', type: 'checkbox', label: 'Ich stimme zu' };
  it.each([
    ['ja', { value: true }],
    ['on', { value: true }],
    [undefined, { value: false }],
    ['', { value: false }],
    ['false', { value: false }],
  ])('%j → %j', (raw, expected) => {
    expect(runField(field, raw)).toEqual(expected);
  });

  it('reads Ja/Nein', () => {
    expect(fieldTypes.checkbox.format(true, field, 'de')).toBe('Ja');
    expect(fieldTypes.checkbox.format(false, field, 'de')).toBe('Nein');
  });
});

describe('country', () => {
  const field: CountryField = { id: 's', type: 'country', label: 'Staat', codeList: 'staat' };
  const codeLists = {
    byKey: (key: string) =>
      key === 'staat'
        ? {
            values: [
              { code: '000', label: 'Deutschland' },
              { code: '121', label: 'Albanien' },
            ],
          }
        : undefined,
  };
  it.each([
    ['000', { value: '000' }],
    ['999', { code: 'country' }],
  ])('%j → %j', (raw, expected) => {
    expect(runField(field, raw, { codeLists })).toEqual(expected);
  });

  it('accepts any code when the list is not available, and shows labels from the list', () => {
    expect(runField(field, '999')).toEqual({ value: '999' });
    expect(fieldTypes.country.format('121', field, 'de', codeLists)).toBe('Albanien');
  });
});
