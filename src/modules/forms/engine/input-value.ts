import type { Field } from '../definition/types.ts';
import type { AnswerValue, RawValue } from './answers.ts';
import { fieldTypeOf } from './fields/registry.ts';

/**
 * What an input should show: exactly what was typed when there is raw input (after an error),
 * otherwise the stored answer in input form (e.g. a date as `{tag, monat, jahr}`).
 */
export function inputValue(field: Field, raw: RawValue | undefined, value: AnswerValue): RawValue | undefined {
  if (raw !== undefined) return raw;
  if (field.type === 'group' || value === undefined) return undefined;
  return fieldTypeOf(field).toRaw?.(value, field);
}
