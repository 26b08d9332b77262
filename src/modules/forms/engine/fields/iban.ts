import type { SimpleInputField } from '../../definition/types.ts';
import { formatIban } from '../format.ts';
import type { FieldType } from './field-type.ts';
import { ibanChecksumValid, ibanLengths, normalizeIban } from './iban-check.ts';
import { parseTrimmed } from './raw-text.ts';

/** IBAN: spaces stripped, upper-cased, length per country, mod-97 checksum. */
export const ibanType: FieldType<SimpleInputField> = {
  takesInput: true,
  parse(raw) {
    const text = parseTrimmed(raw);
    return text.value === undefined ? text : { value: normalizeIban(text.value) };
  },
  validate(value) {
    const iban = String(value);
    const expected = ibanLengths[iban.slice(0, 2)];
    if (expected !== undefined && iban.length !== expected) {
      return { code: 'ibanLength', params: { country: iban.slice(0, 2), length: expected } };
    }
    if (expected === undefined || !ibanChecksumValid(iban)) return { code: 'iban' };
    return undefined;
  },
  format: (value) => formatIban(String(value)),
  toRaw: (value) => (typeof value === 'string' ? formatIban(value) : undefined),
};
