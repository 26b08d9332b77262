import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { definitionJsonSchema } from './json-schema.ts';

describe('assistant-definition.schema.json', () => {
  it('is up to date with the zod schema (regenerate with write-json-schema.ts)', () => {
    const committed = JSON.parse(readFileSync(new URL('./assistant-definition.schema.json', import.meta.url), 'utf8'));
    expect(committed).toEqual(definitionJsonSchema());
  });

  it('is draft 2020-12 and describes every field type', () => {
    const schema = definitionJsonSchema() as {
      $schema: string;
      $defs: { Field: { oneOf: { properties: { type: object } }[] } };
    };
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    const types = JSON.stringify(schema.$defs.Field.oneOf.map((variant) => variant.properties.type));
    for (const type of [
      'text',
      'textarea',
      'number',
      'integer',
      'currency',
      'date',
      'time',
      'email',
      'phone',
      'iban',
      'postcode',
      'select',
      'radio',
      'checkbox',
      'checkboxes',
      'country',
      'address',
      'file',
      'info',
      'hidden',
      'locked',
      'group',
    ]) {
      expect(types).toContain(`"${type}"`);
    }
  });
});
