import type { ChoiceField } from '../../definition/types.ts';
import type { RawValue } from '../answers.ts';
import { optionLabel } from './choice.ts';
import type { FieldType } from './field-type.ts';

/** Several ticked options; posted as repeated names (`x=a&x=b`) or `x[]`. Stored as a list of values. */
export const checkboxesType: FieldType<ChoiceField> = {
  takesInput: true,
  requiredMessage: 'requiredChoice',
  parse(raw) {
    const values = [...new Set(flatStrings(raw).map((value) => value.trim()))].filter((value) => value !== '');
    return { value: values.length > 0 ? values : undefined };
  },
  validate(value, field) {
    const values = value as string[];
    if (values.some((entry) => !field.options.some((option) => option.value === entry))) return { code: 'option' };
    if (field.minSelected !== undefined && values.length < field.minSelected) {
      return { code: 'minSelected', params: { min: field.minSelected } };
    }
    if (field.maxSelected !== undefined && values.length > field.maxSelected) {
      return { code: 'maxSelected', params: { max: field.maxSelected } };
    }
    return undefined;
  },
  format: (value, field, lang) => (value as string[]).map((entry) => optionLabel(field, entry, lang)).join(', '),
  toRaw: (value) => (Array.isArray(value) ? (value as string[]) : undefined),
};

function flatStrings(raw: RawValue | undefined): string[] {
  if (typeof raw === 'string') return [raw];
  const list = Array.isArray(raw) ? raw : raw ? Object.values(raw) : [];
  return list.filter((entry): entry is string => typeof entry === 'string').slice(0, 1000);
}
