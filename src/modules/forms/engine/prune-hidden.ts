import type { AssistantDefinition, Field } from '../definition/types.ts';
import type { Answers, AnswerValue } from './answers.ts';
import type { EngineContext } from './context.ts';
import { childScope, isShown, rootScope, type Scope } from './scope.ts';

const MAX_PASSES = 25;

/**
 * Drops answers of hidden steps and fields (recursively in groups), of info fields and of ids the
 * definition does not know. Repeats until stable, so that a field shown only because of another
 * hidden answer disappears too.
 */
export function pruneHidden(def: AssistantDefinition, answers: Answers, ctx: Pick<EngineContext, 'today'>): Answers {
  let current = answers;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const state = { changed: false };
    const scope = rootScope(def, current);
    const next: Answers = {};
    let kept = 0;
    for (const step of def.steps) {
      if (!isShown(step.when, scope, ctx.today)) continue;
      kept += pruneLevel(step.fields, current, scope, ctx.today, state, next);
    }
    if (kept !== Object.keys(current).length) state.changed = true;
    if (!state.changed) return next;
    current = next;
  }
  return current;
}

/** Copies the visible answers of `fields` into `out`; returns how many were copied. */
function pruneLevel(
  fields: readonly Field[],
  values: Answers,
  scope: Scope,
  today: string,
  state: { changed: boolean },
  out: Answers,
): number {
  let kept = 0;
  for (const field of fields) {
    const value = values[field.id];
    if (value === undefined) continue;
    if (field.type === 'info' || !isShown(field.when, scope, today)) {
      state.changed = true;
      continue;
    }
    out[field.id] = field.type === 'group' ? pruneGroup(field.fields, value, scope, today, state) : value;
    kept++;
  }
  return kept;
}

function pruneGroup(
  fields: readonly Field[],
  value: AnswerValue,
  scope: Scope,
  today: string,
  state: { changed: boolean },
): AnswerValue {
  const pruneItem = (item: Answers): Answers => {
    const out: Answers = {};
    const kept = pruneLevel(fields, item, childScope(scope, fields, item), today, state, out);
    if (kept !== Object.keys(item).length) state.changed = true;
    return out;
  };
  if (Array.isArray(value)) return (value as Answers[]).map(pruneItem);
  if (value && typeof value === 'object') return pruneItem(value as Answers);
  return undefined;
}
