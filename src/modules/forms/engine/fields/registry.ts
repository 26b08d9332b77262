import type { Field, FieldTypeName } from '../../definition/types.ts';
import { addressType } from './address.ts';
import { checkboxType } from './checkbox.ts';
import { checkboxesType } from './checkboxes.ts';
import { choiceType } from './choice.ts';
import { countryType } from './country.ts';
import { currencyType } from './currency.ts';
import { dateType } from './date.ts';
import { emailType } from './email.ts';
import type { FieldType } from './field-type.ts';
import { fileType } from './file.ts';
import { ibanType } from './iban.ts';
import { infoType } from './info.ts';
import { numberType } from './number.ts';
import { phoneType } from './phone.ts';
import { postcodeType } from './postcode.ts';
import { prefilledType } from './prefilled.ts';
import { textType } from './text.ts';
import { timeType } from './time.ts';

/** Value field types by `type`. Groups are structural and handled by the walkers, not here. */
export const fieldTypes: Record<Exclude<FieldTypeName, 'group'>, FieldType> = {
  text: textType as FieldType,
  textarea: textType as FieldType,
  number: numberType as FieldType,
  integer: numberType as FieldType,
  currency: currencyType as FieldType,
  date: dateType as FieldType,
  time: timeType as FieldType,
  email: emailType as FieldType,
  phone: phoneType as FieldType,
  iban: ibanType as FieldType,
  postcode: postcodeType as FieldType,
  select: choiceType as FieldType,
  radio: choiceType as FieldType,
  checkboxes: checkboxesType as FieldType,
  checkbox: checkboxType as FieldType,
  country: countryType as FieldType,
  address: addressType as FieldType,
  file: fileType as FieldType,
  info: infoType as FieldType,
  hidden: prefilledType as FieldType,
  locked: prefilledType as FieldType,
};

/** The type module of a non-group field. */
export function fieldTypeOf(field: Exclude<Field, { type: 'group' }>): FieldType {
  return fieldTypes[field.type];
}
