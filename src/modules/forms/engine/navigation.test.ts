import { describe, expect, it } from 'vitest';
import type { Answers } from './answers.ts';
import { inputValue } from './input-value.ts';
import { stepPosition } from './navigation.ts';
import { ctx, testDefinition as def } from './test-definition.ts';

describe('stepPosition', () => {
  const ids = (answers: Answers, stepId: string) => {
    const position = stepPosition(def, stepId, answers, ctx);
    return [position.number, position.total, position.previous?.id, position.next?.id];
  };

  it.each([
    [{ zweck: 'rente' }, 'urkunden', [2, 4, 'person', 'rente']],
    [{ zweck: 'sonstiges' }, 'urkunden', [2, 3, 'person', 'zahlung']],
    [{ zweck: 'sonstiges' }, 'person', [1, 3, undefined, 'urkunden']],
    [{ zweck: 'sonstiges' }, 'zahlung', [3, 3, 'urkunden', undefined]],
    [{ zweck: 'sonstiges' }, 'rente', [0, 3, undefined, 'person']],
  ])('%j at %s → %j', (answers, stepId, expected) => {
    expect(ids(answers, stepId)).toEqual(expected);
  });
});

describe('inputValue', () => {
  const date = def.steps[0]!.fields[1]!;
  it('prefers what was typed, else shows the stored answer in input form', () => {
    expect(inputValue(date, { tag: '31', monat: '2', jahr: '1985' }, undefined)).toEqual({
      tag: '31',
      monat: '2',
      jahr: '1985',
    });
    expect(inputValue(date, undefined, '1985-03-07')).toEqual({ tag: '07', monat: '03', jahr: '1985' });
    expect(inputValue(date, undefined, undefined)).toBeUndefined();
  });

  it('shows currency and numbers the German way', () => {
    expect(inputValue({ id: 'b', type: 'currency', label: 'B' }, undefined, 123456)).toBe('1234,56');
    expect(inputValue({ id: 'n', type: 'number', label: 'N' }, undefined, 1234.5)).toBe('1234,5');
    expect(inputValue({ id: 'i', type: 'iban', label: 'I' }, undefined, 'DE89370400440532013000')).toBe(
      'DE89 3704 0044 0532 0130 00',
    );
  });
});
