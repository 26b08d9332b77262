import type { z } from 'zod';
import type { DefinitionError } from './definition-error.ts';
import { toPointer } from './json-pointer.ts';
import { assistantDefinitionSchema } from './schema.ts';
import { semanticChecks } from './semantic-checks.ts';
import type { AssistantDefinition } from './types.ts';

export type DefinitionValidation =
  | { ok: true; definition: AssistantDefinition }
  | { ok: false; errors: DefinitionError[] };

/**
 * Checks a parsed JSON value against the definition schema and then the semantic rules
 * (unique ids, conditions, references, ranges). Errors name the JSON pointer and what is wrong.
 */
export function validateDefinition(json: unknown): DefinitionValidation {
  const parsed = assistantDefinitionSchema.safeParse(json);
  if (!parsed.success) return { ok: false, errors: parsed.error.issues.map(describeIssue) };
  const definition = parsed.data as AssistantDefinition;
  const errors = semanticChecks(definition);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, definition };
}

function describeIssue(issue: z.core.$ZodIssue): DefinitionError {
  const path = toPointer(issue.path);
  if (issue.code === 'invalid_union' && 'options' in issue && Array.isArray(issue.options)) {
    const known = (issue.options as unknown[]).map(String).join(', ');
    return { path, message: `Unknown field type; expected one of: ${known}` };
  }
  if (issue.code === 'invalid_union') return { path, message: describeUnion(issue.errors.flat()) };
  if (issue.code === 'unrecognized_keys') {
    return { path, message: `Unknown property ${issue.keys.map((key) => `"${key}"`).join(', ')}` };
  }
  const message = issue.message.replace(
    /^Invalid input: expected (\w+), received undefined$/,
    'Missing required property ($1)',
  );
  return { path, message };
}

/** A value matching none of the alternatives (e.g. text as string or `{de, en}`): say what was expected. */
function describeUnion(branches: z.core.$ZodIssue[]): string {
  if (branches.length > 0 && branches.every((branch) => branch.message.endsWith('received undefined'))) {
    return 'Missing required property';
  }
  const expected = [...new Set(branches.flatMap((branch) => ('expected' in branch ? [String(branch.expected)] : [])))];
  return expected.length > 0 ? `Invalid value; expected ${expected.join(' or ')}` : 'Invalid value';
}
