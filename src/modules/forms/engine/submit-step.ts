import type { AssistantDefinition } from '../definition/types.ts';
import type { FieldError, FormState, RawObject } from './answers.ts';
import type { EngineContext } from './context.ts';
import type { FormBody } from './form-body.ts';
import { parseStep } from './parse-step.ts';
import { pruneHidden } from './prune-hidden.ts';
import { isShown, rootScope } from './scope.ts';
import { validateAnswers } from './validate.ts';

export interface StepOutcome extends FormState {
  /** Empty when the citizen may go on. */
  errors: FieldError[];
}

/**
 * One "Weiter": reads the step's post into the state, drops hidden answers and validates the step.
 * The returned raw input lets the page show exactly what was typed when there are errors.
 */
export function submitStep(
  def: AssistantDefinition,
  stepId: string,
  state: FormState,
  body: FormBody,
  ctx: EngineContext,
): StepOutcome {
  const parsed = parseStep(def, stepId, body);
  const answers = pruneHidden(def, { ...state.answers, ...parsed.answers }, ctx);
  const raw = pruneRaw(def, { ...state.raw, ...parsed.raw }, answers, ctx.today);
  const errors = validateAnswers(def, answers, ctx, { stepId, parseIssues: parsed.issues });
  return { answers, raw, errors };
}

/** Keeps typed input only for top-level fields that are shown. */
function pruneRaw(def: AssistantDefinition, raw: RawObject, answers: FormState['answers'], today: string): RawObject {
  const scope = rootScope(def, answers);
  const kept: RawObject = {};
  for (const step of def.steps) {
    if (!isShown(step.when, scope, today)) continue;
    for (const field of step.fields) {
      if (raw[field.id] !== undefined && isShown(field.when, scope, today)) kept[field.id] = raw[field.id];
    }
  }
  return kept;
}
