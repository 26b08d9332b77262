import type { AddressField } from '../../definition/types.ts';
import type { AddressValue, RawObject } from '../answers.ts';
import { isEmptyValue } from '../expression/functions.ts';
import type { FieldType } from './field-type.ts';
import { parseTrimmed } from './raw-text.ts';

const PARTS = ['strasse', 'hausnummer', 'adresszusatz', 'plz', 'ort'] as const;
const REQUIRED_PARTS = ['strasse', 'hausnummer', 'plz', 'ort'] as const;

/** German address (Anschrift Inland): Straße, Hausnummer, optional Adresszusatz, PLZ (5 digits), Ort. */
export const addressType: FieldType<AddressField> = {
  takesInput: true,
  subfields: PARTS,
  parse(raw) {
    const record: RawObject = raw && typeof raw === 'object' && !Array.isArray(raw) ? raw : {};
    const value: AddressValue = {};
    for (const part of PARTS) {
      const text = parseTrimmed(record[part]);
      if (text.issue) return { value: undefined, issue: { ...text.issue, subfield: part } };
      if (text.value !== undefined) value[part] = text.value;
    }
    return { value: isEmptyValue(value) ? undefined : value };
  },
  validate(value) {
    const address = value as AddressValue;
    const missing = REQUIRED_PARTS.find((part) => !address[part]);
    if (missing) return { code: 'addressPart', params: { part: missing }, subfield: missing };
    if (!/^\d{5}$/.test(address.plz!)) return { code: 'postcode', subfield: 'plz' };
    return undefined;
  },
  format(value) {
    const a = value as AddressValue;
    const street = [a.strasse, a.hausnummer].filter(Boolean).join(' ');
    const town = [a.plz, a.ort].filter(Boolean).join(' ');
    return [street, a.adresszusatz, town].filter(Boolean).join('\n');
  },
  toRaw: (value) => (value && typeof value === 'object' ? { ...(value as AddressValue) } : undefined),
};
