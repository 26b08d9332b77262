import type { AssistantDefinition, Expression, Field } from '../definition/types.ts';
import type { Answers } from './answers.ts';
import { compiled } from './expression/compiled.ts';
import { evaluate, isTruthy } from './expression/evaluate.ts';

/**
 * Where identifiers in an expression are looked up: the fields of the current level (e.g. one item of a
 * repeatable group) first, then the enclosing levels up to the whole application.
 */
export interface Scope {
  fields: readonly Field[];
  values: Answers;
  parent?: Scope;
}

const idSets = new WeakMap<readonly Field[], Set<string>>();
const topLevelFields = new WeakMap<AssistantDefinition, Field[]>();

function idsOf(fields: readonly Field[]): Set<string> {
  let ids = idSets.get(fields);
  if (!ids) {
    ids = new Set(fields.map((field) => field.id));
    idSets.set(fields, ids);
  }
  return ids;
}

/** All top-level fields of all steps, in definition order. Answers are keyed by their ids. */
export function allTopLevelFields(def: AssistantDefinition): Field[] {
  let fields = topLevelFields.get(def);
  if (!fields) {
    fields = def.steps.flatMap((step) => step.fields);
    topLevelFields.set(def, fields);
  }
  return fields;
}

export function rootScope(def: AssistantDefinition, answers: Answers): Scope {
  return { fields: allTopLevelFields(def), values: answers };
}

export function childScope(parent: Scope, fields: readonly Field[], values: Answers): Scope {
  return { fields, values, parent };
}

/** The value at a dotted path, looked up from the innermost scope that defines its first part. */
export function resolveIn(scope: Scope, path: readonly string[]): unknown {
  let current: Scope | undefined = scope;
  while (current && !idsOf(current.fields).has(path[0]!)) current = current.parent;
  if (!current) return undefined;
  let value: unknown = current.values[path[0]!];
  for (let i = 1; i < path.length; i++) {
    if (!value || typeof value !== 'object' || Array.isArray(value) || !Object.hasOwn(value, path[i]!))
      return undefined;
    value = (value as Record<string, unknown>)[path[i]!];
  }
  return value;
}

/** Evaluates an expression in a scope. */
export function evaluateIn(expression: Expression, scope: Scope, today: string): unknown {
  return evaluate(compiled(expression), (path) => resolveIn(scope, path), { today });
}

/** True when there is no `when`, or it evaluates to a truthy value. */
export function isShown(when: Expression | undefined, scope: Scope, today: string): boolean {
  return when === undefined || isTruthy(evaluateIn(when, scope, today));
}
