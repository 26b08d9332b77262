import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Field, Step } from '../definition/types.ts';

/** Absolute path of a file in `fixtures/`. */
export const fixturePath = (name: string): string => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

export const readFixture = (name: string): string => readFileSync(fixturePath(name), 'utf8');

/** The copies of the shared samples (../shared/data/fim). */
export const SHARED_SAMPLES = [
  'v2-data_data-field-rule.xml',
  'v2-data_data-group-rule.xml',
  'v2-data_label.xml',
  'v2-data_rule.xml',
  'v2-data_select.xml',
  'v2-data_simple.xml',
  'v3-data_input.xml',
  'v3-data_simple.xml',
];

/** Every field of the steps, depth first, including group fields and their children. */
export function allFields(steps: Step[]): Field[] {
  const walk = (fields: Field[]): Field[] => fields.flatMap((f) => [f, ...(f.type === 'group' ? walk(f.fields) : [])]);
  return steps.flatMap((step) => walk(step.fields));
}
