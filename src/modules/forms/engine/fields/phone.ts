import type { SimpleInputField } from '../../definition/types.ts';
import type { FieldType } from './field-type.ts';
import { parseTrimmed } from './raw-text.ts';

/** Free telephone input ("0391 123456", "+49 (391) 12-34"); kept as typed, checked for shape only. */
export const phoneType: FieldType<SimpleInputField> = {
  takesInput: true,
  parse: (raw) => parseTrimmed(raw),
  validate(value) {
    const text = String(value);
    const digits = text.replace(/\D/g, '').length;
    return /^\+?[0-9 ()/.-]+$/.test(text) && digits >= 5 && digits <= 20 ? undefined : { code: 'phone' };
  },
  format: (value) => String(value),
  toRaw: (value) => (typeof value === 'string' ? value : undefined),
};
