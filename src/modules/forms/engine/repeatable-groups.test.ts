import { describe, expect, it } from 'vitest';
import type { AssistantDefinition, GroupField } from '../definition/types.ts';
import type { Answers } from './answers.ts';
import { applyGroupAction, parseGroupAction } from './group-actions.ts';
import { ctx } from './test-definition.ts';
import { validateAnswers } from './validate.ts';

const group: GroupField = {
  id: 'hunde',
  type: 'group',
  label: 'Hunde',
  repeatable: true,
  min: 1,
  max: 3,
  itemLabel: 'Hund {n}',
  addLabel: 'Weiteren Hund hinzufügen',
  removeLabel: 'Hund entfernen',
  fields: [{ id: 'name', type: 'text', label: 'Name des Hundes', required: true }],
};
const def: AssistantDefinition = {
  id: 'hunde',
  version: '1.0.0',
  title: 'Hunde',
  languages: ['de'],
  leikaKeys: [],
  steps: [{ id: 'hunde', title: 'Hunde', fields: [group] }],
};
const items = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `Hund ${i}` }));
const state = (n: number) => ({ answers: { hunde: items(n) } as Answers, raw: { hunde: items(n) } });

describe('repeatable group limits (min 1, max 3)', () => {
  it.each([
    [0, ['tooFewItems']],
    [1, []],
    [3, []],
    [4, ['tooManyItems']],
  ])('%i items → %j', (count, expected) => {
    expect(validateAnswers(def, { hunde: items(count) }, ctx).map((error) => error.code)).toEqual(expected);
  });

  it('says how many are needed', () => {
    expect(validateAnswers(def, {}, ctx)[0]?.message).toBe('Bitte geben Sie bei „Hunde“ mindestens 1 Einträge an.');
  });

  it('treats an optional group without min as allowing zero items', () => {
    const optional = { ...def, steps: [{ id: 'hunde', title: 'Hunde', fields: [{ ...group, min: undefined }] }] };
    expect(validateAnswers(optional, {}, ctx)).toEqual([]);
  });
});

describe('add and remove without JavaScript', () => {
  it.each([
    ['add:hunde', { kind: 'add', group: 'hunde' }],
    ['remove:hunde:2', { kind: 'remove', group: 'hunde', index: 2 }],
    ['add:halter[0][hunde]', { kind: 'add', group: 'halter[0][hunde]' }],
    ['remove:hunde', undefined],
    ['add:hunde:1', undefined],
    ['weiter', undefined],
    [undefined, undefined],
  ])('parses %j', (value, expected) => {
    expect(parseGroupAction(value)).toEqual(expected);
  });

  it.each([
    [0, true, 1],
    [1, true, 2],
    [2, true, 3],
    [3, false, 3],
  ])('add with %i items → applied %s, %i items', (count, applied, after) => {
    const result = applyGroupAction(def, state(count), { kind: 'add', group: 'hunde' });
    expect(result.applied).toBe(applied);
    expect(result.answers.hunde).toHaveLength(after);
    expect(result.raw.hunde).toHaveLength(after);
  });

  it('removes item i from answers and raw input alike', () => {
    const result = applyGroupAction(def, state(3), { kind: 'remove', group: 'hunde', index: 1 });
    expect(result.answers.hunde).toEqual([{ name: 'Hund 0' }, { name: 'Hund 2' }]);
    expect(result.raw.hunde).toEqual([{ name: 'Hund 0' }, { name: 'Hund 2' }]);
  });

  it.each([
    [{ kind: 'remove', group: 'hunde', index: 5 }],
    [{ kind: 'add', group: 'katzen' }],
    [{ kind: 'add', group: 'hunde[0][name]' }],
  ] as const)('refuses %j', (action) => {
    const before = state(2);
    const result = applyGroupAction(def, before, action);
    expect(result.applied).toBe(false);
    expect(result.answers).toBe(before.answers);
  });

  it('works on nested repeatable groups', () => {
    const nested: AssistantDefinition = {
      ...def,
      steps: [{ id: 's', title: 'S', fields: [{ ...group, id: 'halter', fields: [{ ...group, max: 2 }] }] }],
    };
    const start = { answers: { halter: [{ hunde: [] }] } as Answers, raw: {} };
    const added = applyGroupAction(nested, start, { kind: 'add', group: 'halter[0][hunde]' });
    expect(added.answers).toEqual({ halter: [{ hunde: [{}] }] });
    expect(start.answers).toEqual({ halter: [{ hunde: [] }] });
  });
});
