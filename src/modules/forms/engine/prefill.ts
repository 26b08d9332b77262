import type { AssistantDefinition } from '../definition/types.ts';
import type { Answers, RawValue } from './answers.ts';
import type { EngineContext } from './context.ts';
import { isEmptyValue } from './expression/functions.ts';
import { fieldTypeOf } from './fields/registry.ts';

export interface PrefillResult {
  answers: Answers;
  /** Ids of top-level fields that received a value; the caller decides which of them are locked. */
  prefilled: string[];
  /** Of those, the ids filled from an identity attribute (not from a fixed `value`). */
  fromIdentity: string[];
  /**
   * Of those, the ids whose value does not pass the field's checks (e.g. a street without house
   * number): they must stay editable, or the citizen could never fix them. Only known when `ctx` is given.
   */
  failing: string[];
}

/**
 * Fills top-level fields that name a `prefill` attribute (e.g. `givenName`, `address`) from the identity
 * attributes — text, or an object for compound fields such as an address — and `hidden`/`locked` fields
 * from their fixed `value`. Values already answered are kept, except for hidden and locked fields, which
 * always take the pre-filled value.
 */
export function applyPrefill(
  def: AssistantDefinition,
  answers: Answers,
  attributes: Record<string, RawValue>,
  ctx?: EngineContext,
): PrefillResult {
  const next: Answers = { ...answers };
  const result: PrefillResult = { answers: next, prefilled: [], fromIdentity: [], failing: [] };
  for (const field of def.steps.flatMap((step) => step.fields)) {
    if (field.type === 'group' || field.type === 'info') continue;
    const fixed = field.type === 'hidden' || field.type === 'locked';
    const attribute = field.prefill ? attributes[field.prefill] : undefined;
    const fromIdentity = attribute !== undefined && attribute !== '';
    const source = fromIdentity ? attribute : fixed ? field.value : undefined;
    if (source === undefined || (!fixed && !isEmptyValue(next[field.id]))) continue;
    const type = fieldTypeOf(field);
    const outcome = type.parse(source, field);
    if (outcome.issue || outcome.value === undefined) continue;
    next[field.id] = outcome.value;
    result.prefilled.push(field.id);
    if (fromIdentity) result.fromIdentity.push(field.id);
    if (ctx && type.validate) {
      const issue = type.validate(outcome.value, field, {
        today: ctx.today,
        lang: ctx.lang ?? 'de',
        codeLists: ctx.codeLists,
        lookup: () => undefined,
      });
      if (issue) result.failing.push(field.id);
    }
  }
  return result;
}
