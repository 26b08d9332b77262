import type { ChoiceField } from '../../definition/types.ts';
import { localize } from '../localize.ts';
import type { FieldType } from './field-type.ts';
import { parseTrimmed } from './raw-text.ts';

/** `select` and `radio`: one of the defined option values. */
export const choiceType: FieldType<ChoiceField> = {
  takesInput: true,
  requiredMessage: 'requiredChoice',
  parse: (raw) => parseTrimmed(raw),
  validate: (value, field) => (field.options.some((option) => option.value === value) ? undefined : { code: 'option' }),
  format: (value, field, lang) => optionLabel(field, String(value), lang),
  toRaw: (value) => (typeof value === 'string' ? value : undefined),
};

/** The label of an option value, or the value itself when it is not (any longer) an option. */
export function optionLabel(field: ChoiceField, value: string, lang: 'de' | 'en'): string {
  const option = field.options.find((candidate) => candidate.value === value);
  return option ? localize(option.label, lang) : value;
}
