import type { NumberField } from '../../definition/types.ts';
import { formatNumber } from '../format.ts';
import type { FieldType } from './field-type.ts';
import { parseGermanNumber } from './german-number.ts';
import { parseTrimmed } from './raw-text.ts';

/** `number` and `integer`: German notation in, a JavaScript number out. */
export const numberType: FieldType<NumberField> = {
  takesInput: true,
  parse(raw, field) {
    const text = parseTrimmed(raw);
    if (text.issue || text.value === undefined) return text;
    const value = parseGermanNumber(text.value);
    if (value === undefined || (field.type === 'integer' && !Number.isInteger(value))) {
      return { value: undefined, issue: { code: field.type } };
    }
    return { value };
  },
  validate(value, field) {
    const n = value as number;
    if (field.min !== undefined && n < field.min) return { code: 'min', params: { min: formatNumber(field.min) } };
    if (field.max !== undefined && n > field.max) return { code: 'max', params: { max: formatNumber(field.max) } };
    return undefined;
  },
  format: (value, field) => formatNumber(value as number) + (field.unit ? ` ${field.unit}` : ''),
  toRaw: (value) => (typeof value === 'number' ? formatNumber(value).replace(/\./g, '') : undefined),
};
