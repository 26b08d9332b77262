import type { AssistantDefinition, Field, GroupField, Step } from '../definition/types.ts';
import type { Answers } from './answers.ts';
import type { EngineContext } from './context.ts';
import { pruneHidden } from './prune-hidden.ts';
import { childScope, isShown, rootScope } from './scope.ts';

/** The steps the citizen goes through with these answers, in order. */
export function applicableSteps(def: AssistantDefinition, answers: Answers, ctx: Pick<EngineContext, 'today'>): Step[] {
  const scope = rootScope(def, pruneHidden(def, answers, ctx));
  return def.steps.filter((step) => isShown(step.when, scope, ctx.today));
}

/** The top-level fields of a step that are shown with these answers (none when the step is hidden). */
export function applicableFields(
  def: AssistantDefinition,
  stepId: string,
  answers: Answers,
  ctx: Pick<EngineContext, 'today'>,
): Field[] {
  const step = applicableSteps(def, answers, ctx).find((candidate) => candidate.id === stepId);
  if (!step) return [];
  const scope = rootScope(def, pruneHidden(def, answers, ctx));
  return step.fields.filter((field) => isShown(field.when, scope, ctx.today));
}

/** The fields of one item of a top-level group that are shown, given the item's own answers. */
export function applicableItemFields(
  def: AssistantDefinition,
  group: GroupField,
  item: Answers,
  answers: Answers,
  ctx: Pick<EngineContext, 'today'>,
): Field[] {
  const scope = childScope(rootScope(def, pruneHidden(def, answers, ctx)), group.fields, item);
  return group.fields.filter((field) => isShown(field.when, scope, ctx.today));
}
