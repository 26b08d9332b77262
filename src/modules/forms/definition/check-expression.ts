import { ExpressionError } from '../engine/expression/ast.ts';
import { parseExpression } from '../engine/expression/parse.ts';
import { collectReferences } from '../engine/expression/references.ts';
import type { Field } from './types.ts';

/** Field levels visible from a place in the definition, innermost first (item fields, …, top level). */
export type ScopeLevels = readonly (readonly Field[])[];

const ADDRESS_PARTS = new Set(['strasse', 'hausnummer', 'adresszusatz', 'plz', 'ort']);

/** Checks that an expression parses and that every field it reads exists in scope; returns problems. */
export function checkExpression(source: string, levels: ScopeLevels): string[] {
  let refs: { path: string[]; at: number }[];
  try {
    refs = collectReferences(parseExpression(source));
  } catch (error) {
    if (error instanceof ExpressionError) return [`Expression "${source}" is invalid: ${error.message}`];
    throw error;
  }
  return refs.flatMap((ref) => {
    const problem = checkPath(ref.path, levels);
    return problem ? [`Expression "${source}" ${problem} (at position ${ref.at})`] : [];
  });
}

function checkPath(path: string[], levels: ScopeLevels): string | undefined {
  const [first, ...rest] = path as [string, ...string[]];
  let field: Field | undefined;
  for (const level of levels) {
    field = level.find((candidate) => candidate.id === first);
    if (field) break;
  }
  if (!field) return `refers to unknown field "${first}"`;
  for (const part of rest) {
    if (field.type === 'address' && ADDRESS_PARTS.has(part)) return undefined;
    if (field.type !== 'group' || field.repeatable) {
      const kind = field.type === 'group' ? 'repeatable group' : `${field.type} field`;
      return `reads "${part}" of "${path.join('.')}", but a ${kind} has no such part (use count() for repeatable groups)`;
    }
    const child: Field | undefined = field.fields.find((candidate) => candidate.id === part);
    if (!child) return `refers to unknown field "${part}" in group "${field.id}"`;
    field = child;
  }
  return undefined;
}
