import type { TextField } from '../../definition/types.ts';
import type { FieldType } from './field-type.ts';
import { parseTrimmed } from './raw-text.ts';

const patterns = new Map<string, RegExp>();

/** The definition's pattern, anchored to the whole value; compiled once. */
export function compilePattern(pattern: string): RegExp {
  let regex = patterns.get(pattern);
  if (!regex) {
    regex = new RegExp(`^(?:${pattern})$`, 'u');
    patterns.set(pattern, regex);
  }
  return regex;
}

/** `text` and `textarea`: trimmed; checked for length (in characters) and pattern. */
export const textType: FieldType<TextField> = {
  takesInput: true,
  parse: (raw) => parseTrimmed(raw),
  validate(value, field) {
    const text = String(value);
    const length = [...text].length;
    if (field.maxLength !== undefined && length > field.maxLength)
      return { code: 'tooLong', params: { max: field.maxLength } };
    if (field.minLength !== undefined && length < field.minLength)
      return { code: 'tooShort', params: { min: field.minLength } };
    if (field.pattern && !compilePattern(field.pattern).test(text)) return { code: 'pattern' };
    return undefined;
  },
  format: (value) => String(value),
  toRaw: (value) => (value === undefined ? undefined : String(value)),
};
