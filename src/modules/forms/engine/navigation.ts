import type { AssistantDefinition, Step } from '../definition/types.ts';
import type { Answers } from './answers.ts';
import { applicableSteps } from './applicable.ts';
import type { EngineContext } from './context.ts';

/** Where a step stands among the steps that apply, for "Schritt X von Y" and the Zurück/Weiter buttons. */
export interface StepPosition {
  /** 1-based; 0 when the step does not apply with these answers. */
  number: number;
  total: number;
  previous?: Step;
  next?: Step;
}

/** Position of `stepId` among the applicable steps; `next` is undefined on the last step (then: summary). */
export function stepPosition(
  def: AssistantDefinition,
  stepId: string,
  answers: Answers,
  ctx: Pick<EngineContext, 'today'>,
): StepPosition {
  const steps = applicableSteps(def, answers, ctx);
  const index = steps.findIndex((step) => step.id === stepId);
  if (index < 0) return { number: 0, total: steps.length, next: steps[0] };
  return { number: index + 1, total: steps.length, previous: steps[index - 1], next: steps[index + 1] };
}
