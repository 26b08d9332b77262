import type { SimpleInputField } from '../../definition/types.ts';
import type { FieldType } from './field-type.ts';
import { parseTrimmed } from './raw-text.ts';

/** German Postleitzahl: exactly five digits, kept as a string (01067 keeps its zero). */
export const postcodeType: FieldType<SimpleInputField> = {
  takesInput: true,
  parse: (raw) => parseTrimmed(raw),
  validate: (value) => (/^\d{5}$/.test(String(value)) ? undefined : { code: 'postcode' }),
  format: (value) => String(value),
  toRaw: (value) => (typeof value === 'string' ? value : undefined),
};
