import type { AssistantDefinition } from '../definition/types.ts';
import type { Answers, FieldError } from './answers.ts';
import type { EngineContext } from './context.ts';
import type { Issue } from './messages.ts';
import { pruneHidden } from './prune-hidden.ts';
import { isShown, rootScope } from './scope.ts';
import { type ValidationRun, validateFields } from './validate-fields.ts';
import { validateRules } from './validate-rules.ts';

export interface ValidateOptions {
  /** Only this step; all visible steps otherwise. */
  stepId?: string;
  /** Unreadable input from `parseStep`, by form name; reported instead of other checks. */
  parseIssues?: Map<string, Issue>;
}

/**
 * Validates the answers of visible fields (hidden ones are pruned first and never checked) and the
 * cross-field rules. Returns messages in definition order; empty when everything is fine.
 */
export function validateAnswers(
  def: AssistantDefinition,
  answers: Answers,
  ctx: EngineContext,
  options: ValidateOptions = {},
): FieldError[] {
  const visible = pruneHidden(def, answers, ctx);
  const scope = rootScope(def, visible);
  const run: ValidationRun = {
    today: ctx.today,
    lang: ctx.lang ?? 'de',
    codeLists: ctx.codeLists,
    parseIssues: options.parseIssues ?? new Map(),
    errors: [],
    failed: new Set(),
  };
  for (const step of def.steps) {
    if (options.stepId !== undefined && step.id !== options.stepId) continue;
    if (!isShown(step.when, scope, ctx.today)) continue;
    validateFields(step.fields, scope, '', run);
    validateRules(def, scope, new Set(step.fields.map((field) => field.id)), run);
  }
  return run.errors;
}
