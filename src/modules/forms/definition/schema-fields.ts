import { z } from 'zod';
import type { Field } from './types.ts';

/** Field ids double as form names and expression identifiers, so no dots, dashes or brackets. */
export const identifier = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'must start with a letter and contain only letters, digits and "_"');

export const localizedText = z
  .union([z.string().min(1), z.strictObject({ de: z.string().min(1), en: z.string().min(1).optional() })])
  .meta({ id: 'LocalizedText', description: 'Citizen-visible text: German, or German plus English' });

const expression = z.string().min(1);
const count = z.number().int().min(0);

const base = {
  id: identifier,
  label: localizedText,
  hint: localizedText.optional(),
  when: expression.optional(),
  required: z.boolean().optional(),
  messages: z.record(z.string(), localizedText).optional(),
  fim: z.strictObject({ id: z.string().min(1), version: z.string().optional() }).optional(),
  prefill: z.string().min(1).optional(),
};

const option = z.strictObject({ value: z.string().min(1), label: localizedText, hint: localizedText.optional() });

const text = z.strictObject({
  ...base,
  type: z.enum(['text', 'textarea']),
  minLength: count.optional(),
  maxLength: count.optional(),
  pattern: z.string().optional(),
  autocomplete: z.string().optional(),
});
const numeric = z.strictObject({
  ...base,
  type: z.enum(['number', 'integer']),
  min: z.number().optional(),
  max: z.number().optional(),
  unit: z.string().optional(),
});
const currency = z.strictObject({ ...base, type: z.literal('currency'), min: count.optional(), max: count.optional() });
const date = z.strictObject({
  ...base,
  type: z.literal('date'),
  mustBe: z.enum(['past', 'notFuture', 'future', 'notPast']).optional(),
  notBefore: z.string().optional(),
  notAfter: z.string().optional(),
  autocomplete: z.literal('bday').optional(),
});
const simple = z.strictObject({ ...base, type: z.enum(['time', 'email', 'phone', 'iban', 'postcode']) });
const choice = z.strictObject({
  ...base,
  type: z.enum(['select', 'radio', 'checkboxes']),
  options: z.array(option),
  minSelected: count.optional(),
  maxSelected: count.optional(),
});
const checkbox = z.strictObject({ ...base, type: z.literal('checkbox') });
const country = z.strictObject({ ...base, type: z.literal('country'), codeList: z.string().min(1) });
const address = z.strictObject({ ...base, type: z.literal('address') });
const file = z.strictObject({
  ...base,
  type: z.literal('file'),
  maxBytes: z.number().int().positive().optional(),
  accept: z.array(z.string().regex(/^[a-z]+\/[a-z0-9.+-]+$/, 'must be a MIME type such as application/pdf')).optional(),
  minFiles: count.optional(),
  maxFiles: count.optional(),
});
const info = z.strictObject({ ...base, type: z.literal('info'), label: localizedText.optional(), text: localizedText });
const prefilled = z.strictObject({ ...base, type: z.enum(['hidden', 'locked']), value: z.string().optional() });
const group = z.strictObject({
  ...base,
  type: z.literal('group'),
  get fields(): z.ZodArray<z.ZodType<Field>> {
    return z.array(field);
  },
  repeatable: z.boolean().optional(),
  min: count.optional(),
  max: count.optional(),
  itemLabel: localizedText.optional(),
  addLabel: localizedText.optional(),
  removeLabel: localizedText.optional(),
});

/** One field of any type; `type` selects the shape. */
export const field: z.ZodType<Field> = z
  .discriminatedUnion('type', [
    text,
    numeric,
    currency,
    date,
    simple,
    choice,
    checkbox,
    country,
    address,
    file,
    info,
    prefilled,
    group,
  ])
  .meta({ id: 'Field' });
