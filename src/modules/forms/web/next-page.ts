import type { AssistantDefinition } from '../definition/types.ts';
import type { DraftState } from '../drafts/draft-state.ts';
import type { EngineContext } from '../engine/index.ts';
import { applicableSteps, stepPosition, validateAnswers } from '../engine/index.ts';
import { splitName } from '../engine/names.ts';

export type NextPage = { kind: 'step'; stepId: string } | { kind: 'consent' } | { kind: 'check' };

export const needsConsent = (def: AssistantDefinition) => def.consent?.required !== false;

/** After the last step: consent (until given), then the check page. */
function afterSteps(def: AssistantDefinition, state: DraftState): NextPage {
  return needsConsent(def) && !state.consentAt ? { kind: 'consent' } : { kind: 'check' };
}

/** Where "Weiter" leads from a step: the next applicable step, or consent/check after the last. */
export function nextAfterStep(
  def: AssistantDefinition,
  stepId: string,
  state: DraftState,
  ctx: EngineContext,
): NextPage {
  const next = stepPosition(def, stepId, state.answers, ctx).next;
  return next ? { kind: 'step', stepId: next.id } : afterSteps(def, state);
}

/**
 * Back to the check page after an "Ändern" — unless the change made another step necessary or
 * incomplete (e.g. a newly shown step): then that step comes first.
 */
export function nextWhenReturning(def: AssistantDefinition, state: DraftState, ctx: EngineContext): NextPage {
  const first = firstStepWithErrors(def, state, ctx);
  return first ? { kind: 'step', stepId: first } : afterSteps(def, state);
}

/** The first applicable step whose answers do not validate. */
export function firstStepWithErrors(
  def: AssistantDefinition,
  state: DraftState,
  ctx: EngineContext,
): string | undefined {
  const errors = validateAnswers(def, state.answers, ctx);
  if (errors.length === 0) return undefined;
  const failing = new Set(errors.map((error) => splitName(error.name)?.[0]));
  return applicableSteps(def, state.answers, ctx).find((step) => step.fields.some((field) => failing.has(field.id)))
    ?.id;
}
