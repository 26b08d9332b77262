import { describe, expect, it } from 'vitest';
import type { AssistantDefinition, GroupField } from '../definition/types.ts';
import { validateDefinition } from '../definition/validate-definition.ts';
import type { Answers } from './answers.ts';
import { applicableFields, applicableItemFields, applicableSteps } from './applicable.ts';
import { ctx } from './test-definition.ts';

const hunde: GroupField = {
  id: 'hunde',
  type: 'group',
  label: 'Hunde',
  repeatable: true,
  fields: [
    { id: 'rasse', type: 'text', label: 'Rasse' },
    { id: 'gefaehrlich', type: 'checkbox', label: 'Gefährlich', when: 'rasse in ["pitbull", "staffordshire"]' },
    { id: 'nachweis', type: 'file', label: 'Sachkundenachweis', when: 'gefaehrlich and halter.alter >= 18' },
  ],
};

const def: AssistantDefinition = {
  id: 'hund',
  version: '1.0.0',
  title: 'Hund',
  languages: ['de'],
  leikaKeys: [],
  steps: [
    {
      id: 'halter',
      title: 'Halter',
      fields: [
        {
          id: 'halter',
          type: 'group',
          label: 'Halter',
          fields: [
            { id: 'alter', type: 'integer', label: 'Alter' },
            { id: 'anschrift', type: 'address', label: 'Anschrift' },
          ],
        },
        {
          id: 'zweitwohnung',
          type: 'radio',
          label: 'Zweitwohnung',
          options: [{ value: 'ja', label: 'Ja' }],
          when: 'halter.anschrift.plz != "39104"',
        },
      ],
    },
    { id: 'hunde', title: 'Hunde', fields: [hunde] },
    {
      id: 'befreiung',
      title: 'Befreiung',
      when: 'count(hunde) >= 2 and not(halter.alter < 18)',
      fields: [{ id: 'grund', type: 'text', label: 'Grund' }],
    },
  ],
};

const steps = (answers: Answers) => applicableSteps(def, answers, ctx).map((step) => step.id);

describe('conditions on steps and fields', () => {
  it('uses a definition that passes the definition checks', () => {
    expect(validateDefinition(def)).toMatchObject({ ok: true });
  });

  it.each([
    [{}, ['halter', 'hunde']],
    [{ hunde: [{}] }, ['halter', 'hunde']],
    [{ hunde: [{}, {}] }, ['halter', 'hunde', 'befreiung']],
    [{ hunde: [{}, {}], halter: { alter: 17 } }, ['halter', 'hunde']],
    [{ hunde: [{}, {}], halter: { alter: 18 } }, ['halter', 'hunde', 'befreiung']],
  ])('%j → steps %j', (answers, expected) => {
    expect(steps(answers)).toEqual(expected);
  });

  it('reads members of a non-repeatable group and address parts', () => {
    const fields = (answers: Answers) => applicableFields(def, 'halter', answers, ctx).map((field) => field.id);
    expect(fields({ halter: { anschrift: { plz: '39104' } } })).toEqual(['halter']);
    expect(fields({ halter: { anschrift: { plz: '01067' } } })).toEqual(['halter', 'zweitwohnung']);
    expect(applicableFields(def, 'befreiung', {}, ctx)).toEqual([]);
  });

  it('evaluates item conditions per item, with outer fields in reach', () => {
    const item = (answers: Answers, itemAnswers: Answers) =>
      applicableItemFields(def, hunde, itemAnswers, answers, ctx).map((field) => field.id);
    expect(item({}, { rasse: 'dackel' })).toEqual(['rasse']);
    expect(item({}, { rasse: 'pitbull' })).toEqual(['rasse', 'gefaehrlich']);
    expect(item({ halter: { alter: 30 } }, { rasse: 'pitbull', gefaehrlich: true })).toEqual([
      'rasse',
      'gefaehrlich',
      'nachweis',
    ]);
    expect(item({ halter: { alter: 16 } }, { rasse: 'pitbull', gefaehrlich: true })).toEqual(['rasse', 'gefaehrlich']);
  });
});
