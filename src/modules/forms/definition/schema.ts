import { z } from 'zod';
import { field, identifier, localizedText } from './schema-fields.ts';

const expression = z.string().min(1);

const step = z.strictObject({
  id: identifier,
  title: localizedText,
  intro: localizedText.optional(),
  when: expression.optional(),
  fields: z.array(field),
});

const rule = z.strictObject({
  id: identifier,
  fields: z.array(z.string().min(1)).min(1),
  assert: expression,
  when: expression.optional(),
  message: localizedText,
});

const cents = z.number().int().min(0);
const fee = z.strictObject({
  id: identifier,
  label: localizedText,
  when: expression.optional(),
  forEach: z.string().optional(),
  quantity: expression.optional(),
  unitCents: cents.optional(),
  firstCents: cents.optional(),
  furtherCents: cents.optional(),
  freeWhen: expression.optional(),
});

/** The structural schema of an assistant definition; semantic checks live in `semantic-checks.ts`. */
export const assistantDefinitionSchema = z
  .strictObject({
    $schema: z.string().optional(),
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a slug such as "hundeanmeldung"'),
    version: z.string().regex(/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/, 'must be a semantic version such as "1.2.0"'),
    title: localizedText,
    description: localizedText.optional(),
    languages: z.array(z.enum(['de', 'en'])).min(1),
    leikaKeys: z.array(z.string().regex(/^\d{14}$/, 'must be a 14-digit LeiKa key')),
    steps: z.array(step).min(1),
    rules: z.array(rule).optional(),
    fees: z.array(fee).optional(),
    consent: z
      .strictObject({ required: z.boolean(), text: localizedText.optional(), privacyUrl: z.string().optional() })
      .optional(),
    metadata: z
      .looseObject({
        sources: z.array(z.string()).optional(),
        fimSchemaIds: z.array(z.string()).optional(),
        notes: z.string().optional(),
      })
      .optional(),
    output: z.record(z.string(), z.unknown()).optional(),
  })
  .meta({
    $id: 'https://sac.example/schemas/assistant-definition.schema.json',
    title: 'SAC assistant definition',
  });
