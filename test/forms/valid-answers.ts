import type { AssistantDefinition, Field, Step } from '../../src/modules/forms/definition/types.ts';

export type FormPairs = Record<string, string | string[]>;

/** Overrides by form name (`vorname`, `hunde[0][name]`) or by field id; a date as ISO. */
export type AnswerTable = Record<string, string | string[] | Record<string, string>>;

/** A valid value for one field, derived from its type and limits (dates relative to `today`). */
function valueFor(field: Field, today: string): string | string[] | Record<string, string> | undefined {
  switch (field.type) {
    case 'text':
    case 'textarea':
      return 'Beispiel'.padEnd(field.minLength ?? 0, 'x');
    case 'number':
    case 'integer':
      return String(Math.max(field.min ?? 1, 1));
    case 'currency':
      return ((field.min ?? 1000) / 100).toFixed(2).replace('.', ',');
    case 'date':
      return dateFor(field.mustBe, today);
    case 'time':
      return '10:30';
    case 'email':
      return 'erika.mustermann@example.org';
    case 'phone':
      return '0391 1234567';
    case 'iban':
      return 'DE89 3704 0044 0532 0130 00';
    case 'postcode':
      return '39104';
    case 'select':
    case 'radio':
      return field.options[0]!.value;
    case 'checkboxes':
      return field.options.slice(0, Math.max(1, field.minSelected ?? 1)).map((option) => option.value);
    case 'checkbox':
      return 'ja';
    case 'country':
      return '000';
    case 'address':
      return { strasse: 'Breiter Weg', hausnummer: '12a', plz: '39104', ort: 'Magdeburg' };
    default:
      return undefined;
  }
}

function dateFor(mustBe: string | undefined, today: string): string {
  const year = Number(today.slice(0, 4));
  if (mustBe === 'future') return `${year + 1}-01-15`;
  if (mustBe === 'notPast') return today;
  return `${year - 40}-03-17`;
}

function put(pairs: FormPairs, name: string, value: string | string[] | Record<string, string>): void {
  if (typeof value === 'string' || Array.isArray(value)) pairs[name] = value;
  else for (const [key, part] of Object.entries(value)) pairs[`${name}[${key}]`] = part;
}

function isoToParts(iso: string): Record<string, string> {
  return { tag: iso.slice(8, 10), monat: iso.slice(5, 7), jahr: iso.slice(0, 4) };
}

function fill(fields: Field[], prefix: string, pairs: FormPairs, table: AnswerTable, today: string): void {
  for (const field of fields) {
    const name = prefix ? `${prefix}[${field.id}]` : field.id;
    if (field.type === 'group') {
      const count = field.repeatable ? Math.max(1, field.min ?? 1) : 0;
      if (!field.repeatable) fill(field.fields, name, pairs, table, today);
      for (let i = 0; i < count; i++) fill(field.fields, `${name}[${i}]`, pairs, table, today);
      continue;
    }
    const override = table[name] ?? table[field.id];
    const value = override ?? valueFor(field, today);
    if (value === undefined) continue;
    if (field.type === 'date' && typeof value === 'string') put(pairs, name, isoToParts(value));
    else put(pairs, name, value);
  }
}

/** Form pairs that answer every field of the step validly (hidden ones are dropped by the engine). */
export function validStepPairs(step: Step, today: string, table: AnswerTable = {}): FormPairs {
  const pairs: FormPairs = {};
  fill(step.fields, '', pairs, table, today);
  return pairs;
}

export function stepById(def: AssistantDefinition, stepId: string): Step {
  const step = def.steps.find((candidate) => candidate.id === stepId);
  if (!step) throw new Error(`no step ${stepId}`);
  return step;
}
