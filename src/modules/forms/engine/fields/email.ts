import type { SimpleInputField } from '../../definition/types.ts';
import type { FieldType } from './field-type.ts';
import { parseTrimmed } from './raw-text.ts';

const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

/** E-mail address: one `@`, a dot in the domain, no spaces, at most 254 characters. */
export const emailType: FieldType<SimpleInputField> = {
  takesInput: true,
  parse: (raw) => parseTrimmed(raw),
  validate: (value) => (String(value).length > 254 || !EMAIL.test(String(value)) ? { code: 'email' } : undefined),
  format: (value) => String(value),
  toRaw: (value) => (typeof value === 'string' ? value : undefined),
};
