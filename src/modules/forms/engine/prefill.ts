import type { AssistantDefinition } from '../definition/types.ts';
import type { Answers } from './answers.ts';
import { isEmptyValue } from './expression/functions.ts';
import { fieldTypeOf } from './fields/registry.ts';

export interface PrefillResult {
  answers: Answers;
  /** Ids of top-level fields that received a value; the caller decides which of them are locked. */
  prefilled: string[];
}

/**
 * Fills top-level fields that name a `prefill` attribute (e.g. `givenName`, `address.street`) from the
 * identity attributes, and `hidden`/`locked` fields from their fixed `value`. Values already answered
 * are kept, except for hidden and locked fields, which always take the pre-filled value.
 */
export function applyPrefill(
  def: AssistantDefinition,
  answers: Answers,
  attributes: Record<string, string>,
): PrefillResult {
  const next: Answers = { ...answers };
  const prefilled: string[] = [];
  for (const field of def.steps.flatMap((step) => step.fields)) {
    if (field.type === 'group' || field.type === 'info') continue;
    const fixed = field.type === 'hidden' || field.type === 'locked';
    const source = (field.prefill && attributes[field.prefill]) || (fixed ? field.value : undefined);
    if (source === undefined || (!fixed && !isEmptyValue(next[field.id]))) continue;
    const outcome = fieldTypeOf(field).parse(source, field);
    if (outcome.issue || outcome.value === undefined) continue;
    next[field.id] = outcome.value;
    prefilled.push(field.id);
  }
  return { answers: next, prefilled };
}
