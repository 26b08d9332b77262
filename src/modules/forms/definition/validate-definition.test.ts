import { describe, expect, it } from 'vitest';
import { testDefinition } from '../engine/test-definition.ts';
import type { AssistantDefinition, Field } from './types.ts';
import { validateDefinition } from './validate-definition.ts';

const minimal = {
  id: 'hundeanmeldung',
  version: '1.0.0',
  title: 'Hund anmelden',
  languages: ['de'],
  leikaKeys: ['99108005001000'],
  steps: [
    { id: 'hund', title: 'Ihr Hund', fields: [{ id: 'name', type: 'text', label: 'Name des Hundes', required: true }] },
  ],
};

/** The minimal definition with other fields in step 0 (and extra top-level properties). */
const withFields = (fields: unknown[], extra: Record<string, unknown> = {}) => ({
  ...minimal,
  ...extra,
  steps: [{ id: 'hund', title: 'Ihr Hund', fields }],
});

const errorsOf = (json: unknown) => {
  const result = validateDefinition(json);
  return result.ok ? [] : result.errors;
};

describe('validateDefinition: structure', () => {
  it('accepts a minimal and the full test definition', () => {
    expect(validateDefinition(minimal)).toEqual({ ok: true, definition: minimal });
    expect(errorsOf(testDefinition)).toEqual([]);
  });

  it.each([
    [null, '', 'expected object'],
    [{ ...minimal, id: 'Hunde Anmeldung' }, '/id', 'must be a slug'],
    [{ ...minimal, version: '1.0' }, '/version', 'semantic version'],
    [{ ...minimal, leikaKeys: ['123'] }, '/leikaKeys/0', '14-digit LeiKa key'],
    [{ ...minimal, languages: ['fr'] }, '/languages/0', 'Invalid option'],
    [{ ...minimal, steps: [] }, '/steps', 'Too small'],
    [{ ...minimal, titel: 'x' }, '', 'Unknown property "titel"'],
    [
      withFields([{ id: 'x', type: 'txt', label: 'X' }]),
      '/steps/0/fields/0/type',
      'Unknown field type; expected one of:',
    ],
    [withFields([{ id: 'x', type: 'text' }]), '/steps/0/fields/0/label', 'Missing required property'],
    [withFields([{ id: 'x-y', type: 'text', label: 'X' }]), '/steps/0/fields/0/id', 'must start with a letter'],
    [withFields([{ id: 'x', type: 'number', label: 'X', min: '1' }]), '/steps/0/fields/0/min', 'expected number'],
    [withFields([{ id: 'x', type: 'file', label: 'X', accept: ['pdf'] }]), '/steps/0/fields/0/accept/0', 'MIME type'],
    [
      withFields([
        { id: 'g', type: 'group', label: 'G', fields: [{ id: 'y', type: 'date', label: 'Y', mustBe: 'yesterday' }] },
      ]),
      '/steps/0/fields/0/fields/0/mustBe',
      'Invalid option',
    ],
  ])('%#: reports %s', (json, path, message) => {
    const errors = errorsOf(json);
    expect(
      errors.some((error) => error.path === path && error.message.includes(message)),
      JSON.stringify(errors),
    ).toBe(true);
  });
});

const text = (id: string, more: Partial<Field> = {}) => ({ id, type: 'text', label: id, ...more });

describe('validateDefinition: semantic rules', () => {
  it.each([
    ['duplicate ids in a step', withFields([text('a'), text('a')]), '/steps/0/fields/1/id', 'used twice'],
    [
      'duplicate ids across steps',
      { ...minimal, steps: [minimal.steps[0], { id: 'zwei', title: 'Zwei', fields: [text('name')] }] },
      '/steps/1/fields/0/id',
      'already used in step 0',
    ],
    [
      'duplicate step ids',
      { ...minimal, steps: [minimal.steps[0], minimal.steps[0]] },
      '/steps/1/id',
      'Step id "hund" is used twice',
    ],
    ['reserved id', withFields([text('and')]), '/steps/0/fields/0/id', 'reserved word'],
    [
      'unparsable condition',
      withFields([text('a'), text('b', { when: 'a ==' })]),
      '/steps/0/fields/1/when',
      'is invalid: Unexpected',
    ],
    [
      'unknown field in condition',
      withFields([text('a', { when: 'b == "x"' })]),
      '/steps/0/fields/0/when',
      'unknown field "b" (at position 0)',
    ],
    [
      'unknown function',
      withFields([text('a', { when: 'sum(a) > 1' })]),
      '/steps/0/fields/0/when',
      'Unknown function "sum"',
    ],
    [
      'path into a repeatable group',
      withFields([
        { id: 'g', type: 'group', label: 'G', repeatable: true, fields: [text('x')] },
        text('a', { when: 'g.x == "1"' }),
      ]),
      '/steps/0/fields/1/when',
      'repeatable group has no such part',
    ],
    [
      'unknown group member',
      withFields([{ id: 'g', type: 'group', label: 'G', fields: [text('x')] }, text('a', { when: 'g.y == "1"' })]),
      '/steps/0/fields/1/when',
      'unknown field "y" in group "g"',
    ],
    [
      'min > max',
      withFields([{ id: 'n', type: 'integer', label: 'N', min: 5, max: 1 }]),
      '/steps/0/fields/0/min',
      'greater than max',
    ],
    [
      'minLength > maxLength',
      withFields([text('t', { minLength: 9, maxLength: 2 } as Partial<Field>)]),
      '/steps/0/fields/0/minLength',
      'greater than',
    ],
    [
      'group min > max',
      withFields([{ id: 'g', type: 'group', label: 'G', repeatable: true, min: 3, max: 2, fields: [text('x')] }]),
      '/steps/0/fields/0/min',
      'greater than',
    ],
    [
      'min on a non-repeatable group',
      withFields([{ id: 'g', type: 'group', label: 'G', min: 1, fields: [text('x')] }]),
      '/steps/0/fields/0/repeatable',
      'only apply',
    ],
    [
      'empty group',
      withFields([{ id: 'g', type: 'group', label: 'G', fields: [] }]),
      '/steps/0/fields/0/fields',
      'at least one field',
    ],
    [
      'empty options',
      withFields([{ id: 's', type: 'select', label: 'S', options: [] }]),
      '/steps/0/fields/0/options',
      'at least one option',
    ],
    [
      'duplicate option',
      withFields([
        {
          id: 's',
          type: 'radio',
          label: 'S',
          options: [
            { value: 'a', label: 'A' },
            { value: 'a', label: 'B' },
          ],
        },
      ]),
      '/steps/0/fields/0/options',
      'used twice',
    ],
    [
      'bad pattern',
      withFields([text('t', { pattern: '([a-z' } as Partial<Field>)]),
      '/steps/0/fields/0/pattern',
      'not a valid regular expression',
    ],
    [
      'bad notBefore',
      withFields([{ id: 'd', type: 'date', label: 'D', notBefore: 'beginn' }]),
      '/steps/0/fields/0/notBefore',
      'id of a date field',
    ],
    [
      'empty step',
      { ...minimal, steps: [{ id: 's', title: 'S', fields: [] }] },
      '/steps/0/fields',
      'at least one field',
    ],
    ['no German', { ...minimal, languages: ['en'] }, '/languages', 'must include "de"'],
    [
      'rule on unknown field',
      { ...minimal, rules: [{ id: 'r', fields: ['alter'], assert: 'name != ""', message: 'M' }] },
      '/rules/0/fields/0',
      'unknown top-level field "alter"',
    ],
    [
      'rule with bad assert',
      { ...minimal, rules: [{ id: 'r', fields: ['name'], assert: 'x > 1', message: 'M' }] },
      '/rules/0/assert',
      'unknown field "x"',
    ],
    [
      'fee forEach not a group',
      { ...minimal, fees: [{ id: 'f', label: 'F', unitCents: 1, forEach: 'name' }] },
      '/fees/0/forEach',
      'repeatable group',
    ],
    ['fee without price', { ...minimal, fees: [{ id: 'f', label: 'F' }] }, '/fees/0', 'unitCents or firstCents'],
    [
      'fee on unknown field',
      { ...minimal, fees: [{ id: 'f', label: 'F', unitCents: 1, quantity: 'anzahl' }] },
      '/fees/0/quantity',
      'unknown field "anzahl"',
    ],
  ])('%s', (_name, json, path, message) => {
    const errors = errorsOf(json);
    expect(
      errors.some((error) => error.path === path && error.message.includes(message)),
      JSON.stringify(errors),
    ).toBe(true);
  });

  it('resolves fields of other steps in conditions', () => {
    const twoSteps = {
      ...minimal,
      steps: [
        minimal.steps[0],
        { id: 'b', title: 'B', when: 'name != ""', fields: [text('x', { when: 'name == "Bello"' })] },
      ],
    };
    expect(errorsOf(twoSteps)).toEqual([]);
  });

  it('resolves item siblings and outer fields inside repeatable groups', () => {
    const def: AssistantDefinition = {
      ...(minimal as AssistantDefinition),
      steps: [
        {
          id: 's',
          title: 'S',
          fields: [
            { id: 'art', type: 'text', label: 'Art' },
            {
              id: 'g',
              type: 'group',
              label: 'G',
              repeatable: true,
              fields: [text('x') as Field, text('y', { when: 'x == "1" and art == "2"' }) as Field],
            },
          ],
        },
      ],
      fees: [{ id: 'f', label: '{x}', unitCents: 100, forEach: 'g', quantity: 'count(g)', when: 'x == "1"' }],
    };
    expect(errorsOf(def)).toEqual([]);
  });
});
