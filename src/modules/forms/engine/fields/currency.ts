import type { CurrencyField } from '../../definition/types.ts';
import { formatCents } from '../format.ts';
import type { FieldType } from './field-type.ts';
import { parseGermanNumber } from './german-number.ts';
import { parseTrimmed } from './raw-text.ts';

/** Euro amounts such as "1.234,56", "12,5" or "12 €"; stored as integer cents. */
export const currencyType: FieldType<CurrencyField> = {
  takesInput: true,
  parse(raw) {
    const text = parseTrimmed(raw);
    if (text.issue || text.value === undefined) return text;
    const amount = parseGermanNumber(text.value.replace(/€|EUR|Euro/gi, ''));
    if (amount === undefined || amount < 0 || Math.abs(amount * 100 - Math.round(amount * 100)) > 1e-6) {
      return { value: undefined, issue: { code: 'currency' } };
    }
    return { value: Math.round(amount * 100) };
  },
  validate(value, field) {
    const cents = value as number;
    if (field.min !== undefined && cents < field.min) return { code: 'min', params: { min: formatCents(field.min) } };
    if (field.max !== undefined && cents > field.max) return { code: 'max', params: { max: formatCents(field.max) } };
    return undefined;
  },
  format: (value) => formatCents(value as number),
  toRaw: (value) => (typeof value === 'number' ? formatCents(value).replace(/[\s€.]/g, '') : undefined),
};
