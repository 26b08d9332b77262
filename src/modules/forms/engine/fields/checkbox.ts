import type { CheckboxField } from '../../definition/types.ts';
import type { FieldType } from './field-type.ts';
import { rawText } from './raw-text.ts';

/** A single checkbox such as a consent; unticked boxes are not posted, so absence means false. */
export const checkboxType: FieldType<CheckboxField> = {
  takesInput: true,
  requiredMessage: 'requiredCheckbox',
  parse: (raw) => ({ value: rawText(raw).trim() !== '' && rawText(raw) !== 'false' }),
  isEmpty: (value) => value !== true,
  format: (value, _field, lang) => (value === true ? (lang === 'en' ? 'Yes' : 'Ja') : lang === 'en' ? 'No' : 'Nein'),
  toRaw: (value) => (value === true ? 'ja' : undefined),
};
