import type { Field, FieldBase } from '../definition/types.ts';
import type { MappingContext } from './mapping-context.ts';
import type { FimConstraints, FimDataType, FimField } from './model.ts';

/** Everything a data type mapper needs for one occurrence of a Datenfeld. */
export interface InputFieldInput {
  base: FieldBase;
  field: FimField;
  path: string;
  ctx: MappingContext;
}

type DataTypeMapper = (input: InputFieldInput) => Field;

const MULTILINE_FROM_LENGTH = 256;
const MIME_TYPE = /^[a-z]+\/[a-z0-9.+-]+$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** How each FIM `datentyp` of an input field becomes a field type of the definition. */
const byDataType: Record<FimDataType, DataTypeMapper> = {
  text: (input) => textField(input),
  text_latin: (input) => {
    warn(input, 'datentyp text_latin imported as text; the DIN SPEC 91379 character check is not applied');
    return textField(input);
  },
  date: (input) => {
    const { minValue, maxValue } = input.field.constraints;
    ignoreConstraints(input, ['minLength', 'maxLength', 'pattern']);
    return {
      ...input.base,
      type: 'date',
      ...(minValue !== undefined && isoDate(input, 'minValue', minValue) && { notBefore: minValue }),
      ...(maxValue !== undefined && isoDate(input, 'maxValue', maxValue) && { notAfter: maxValue }),
    };
  },
  time: (input) => {
    ignoreConstraints(input, ['minLength', 'maxLength', 'pattern', 'minValue', 'maxValue']);
    return { ...input.base, type: 'time' };
  },
  datetime: (input) => {
    warn(input, 'datentyp datetime has no field type; imported as text in the form TT.MM.JJJJ HH:MM');
    ignoreConstraints(input, ['minLength', 'maxLength', 'pattern', 'minValue', 'maxValue']);
    return { ...input.base, type: 'text', maxLength: 16, pattern: '^\\d{2}\\.\\d{2}\\.\\d{4} \\d{2}:\\d{2}$' };
  },
  bool: (input) => {
    ignoreConstraints(input, ['minLength', 'maxLength', 'pattern', 'minValue', 'maxValue']);
    // A required single checkbox could only be ticked "yes"; a required yes/no question is a radio.
    if (!input.base.required) return { ...input.base, type: 'checkbox' };
    return {
      ...input.base,
      type: 'radio',
      options: [
        { value: 'true', label: 'Ja' },
        { value: 'false', label: 'Nein' },
      ],
    };
  },
  num: (input) => ({ ...input.base, type: 'number', ...numberRange(input, 1) }),
  num_int: (input) => {
    const { min, max } = numberRange(input, 1);
    return {
      ...input.base,
      type: 'integer',
      ...(min !== undefined && { min: Math.ceil(min) }),
      ...(max !== undefined && { max: Math.floor(max) }),
    };
  },
  num_currency: (input) => ({ ...input.base, type: 'currency', ...numberRange(input, 100) }),
  file: (input) => fileField(input),
  obj: (input) => fileField(input),
};

/** Maps an input (or pre-filled) Datenfeld by its data type. */
export function mapInputField(input: InputFieldInput): Field {
  return byDataType[input.field.dataType](input);
}

function textField(input: InputFieldInput): Field {
  const { minLength, maxLength, pattern } = input.field.constraints;
  ignoreConstraints(input, ['minValue', 'maxValue']);
  const multiline = maxLength !== undefined && maxLength >= MULTILINE_FROM_LENGTH;
  return {
    ...input.base,
    type: multiline ? 'textarea' : 'text',
    ...(minLength !== undefined && minLength > 0 && { minLength }),
    ...(maxLength !== undefined && { maxLength }),
    ...(pattern !== undefined && { pattern }),
  };
}

function fileField(input: InputFieldInput): Field {
  const { field } = input;
  ignoreConstraints(input, ['minLength', 'maxLength', 'pattern', 'minValue', 'maxValue']);
  const accept = field.mediaTypes.filter((type) => {
    const usable = MIME_TYPE.test(type);
    if (!usable) warn(input, `mediaType "${type}" is not a MIME type and was ignored`);
    return usable;
  });
  return {
    ...input.base,
    type: 'file',
    ...(field.maxSize !== undefined && { maxBytes: field.maxSize }),
    ...(accept.length > 0 && { accept }),
  };
}

/** minValue/maxValue as numbers, scaled (100 for cents); unusable values are dropped with a warning. */
function numberRange(input: InputFieldInput, scale: number): { min?: number; max?: number } {
  ignoreConstraints(input, ['minLength', 'maxLength', 'pattern']);
  const result: { min?: number; max?: number } = {};
  for (const [key, target] of [
    ['minValue', 'min'],
    ['maxValue', 'max'],
  ] as const) {
    const raw = input.field.constraints[key];
    if (raw === undefined) continue;
    const value = Number(raw.replace(',', '.'));
    if (Number.isFinite(value)) result[target] = scale === 1 ? value : Math.round(value * scale);
    else warn(input, `praezisierung ${key} "${raw}" is not a number and was ignored`);
  }
  if (scale === 100 && result.min !== undefined && result.min < 0) {
    warn(input, 'a negative minimum amount is not supported and was ignored');
    delete result.min;
  }
  return result;
}

function isoDate(input: InputFieldInput, key: string, value: string): boolean {
  if (ISO_DATE.test(value)) return true;
  warn(input, `praezisierung ${key} "${value}" is not a date (YYYY-MM-DD) and was ignored`);
  return false;
}

function ignoreConstraints(input: InputFieldInput, keys: (keyof FimConstraints)[]): void {
  const present = keys.filter((key) => input.field.constraints[key] !== undefined);
  if (present.length > 0) {
    warn(
      input,
      `praezisierung ${present.join(', ')} does not apply to datentyp ${input.field.dataType} and was ignored`,
    );
  }
}

function warn(input: InputFieldInput, message: string): void {
  input.ctx.warnings.push({ path: input.path, message });
}
