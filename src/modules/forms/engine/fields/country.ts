import type { CountryField } from '../../definition/types.ts';
import type { FieldType } from './field-type.ts';
import { parseTrimmed } from './raw-text.ts';

/** A code from a code list (e.g. Destatis Staatenschlüssel); unchecked when the list is not available. */
export const countryType: FieldType<CountryField> = {
  takesInput: true,
  requiredMessage: 'requiredChoice',
  parse: (raw) => parseTrimmed(raw),
  validate(value, field, ctx) {
    const list = ctx.codeLists?.byKey(field.codeList);
    if (!list) return undefined;
    return list.values.some((entry) => entry.code === value) ? undefined : { code: 'country' };
  },
  format(value, field, _lang, codeLists) {
    const entry = codeLists?.byKey(field.codeList)?.values.find((candidate) => candidate.code === value);
    return entry?.label ?? String(value);
  },
  toRaw: (value) => (typeof value === 'string' ? value : undefined),
};
