import type { SimpleInputField } from '../../definition/types.ts';
import type { FieldType } from './field-type.ts';
import { parseTrimmed } from './raw-text.ts';

/** 24-hour time "14:30" (also "9.30"); stored as `HH:MM`. */
export const timeType: FieldType<SimpleInputField> = {
  takesInput: true,
  parse(raw) {
    const text = parseTrimmed(raw);
    if (text.issue || text.value === undefined) return text;
    const match = /^(\d{1,2})[:.](\d{2})$/.exec(text.value.replace(/\s*Uhr$/i, ''));
    const [hours, minutes] = match ? [Number(match[1]), Number(match[2])] : [99, 99];
    if (hours > 23 || minutes > 59) return { value: undefined, issue: { code: 'time' } };
    return { value: `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}` };
  },
  format: (value, _field, lang) => (lang === 'de' ? `${value} Uhr` : String(value)),
  toRaw: (value) => (typeof value === 'string' ? value : undefined),
};
