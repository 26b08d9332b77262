import { z } from 'zod';
import { assistantDefinitionSchema } from './schema.ts';

/** The JSON Schema (draft 2020-12) of the definition format, generated from the zod schema. */
export function definitionJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(assistantDefinitionSchema, { target: 'draft-2020-12' }) as Record<string, unknown>;
}
