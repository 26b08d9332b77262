import type { AssistantDefinition, FeeRule, Field, GroupField } from '../definition/types.ts';
import type { Answers } from './answers.ts';
import type { EngineContext } from './context.ts';
import { isEmptyValue } from './expression/functions.ts';
import { formatValue } from './format-value.ts';
import { interpolate, localize } from './localize.ts';
import { pruneHidden } from './prune-hidden.ts';
import { allTopLevelFields, childScope, evaluateIn, isShown, rootScope, type Scope } from './scope.ts';

export interface FeeLine {
  feeId: string;
  /** Citizen-facing label, placeholders filled, e.g. "Geburtsurkunde (3 Exemplare)". */
  label: string;
  quantity: number;
  amountCents: number;
  /** True when `freeWhen` made this line free of charge. */
  free: boolean;
}

export interface FeeResult {
  lines: FeeLine[];
  totalCents: number;
}

/** Computes the fee lines from the (visible) answers; lines with quantity 0 are left out. */
export function computeFees(def: AssistantDefinition, answers: Answers, ctx: EngineContext): FeeResult {
  const root = rootScope(def, pruneHidden(def, answers, ctx));
  const lines: FeeLine[] = [];
  for (const rule of def.fees ?? []) {
    for (const scope of scopesFor(def, rule, root)) {
      const line = feeLine(rule, scope, ctx);
      if (line) lines.push(line);
    }
  }
  return { lines, totalCents: lines.reduce((sum, line) => sum + line.amountCents, 0) };
}

function scopesFor(def: AssistantDefinition, rule: FeeRule, root: Scope): Scope[] {
  if (!rule.forEach) return [root];
  const group = allTopLevelFields(def).find(
    (field): field is GroupField => field.id === rule.forEach && field.type === 'group',
  );
  const items = root.values[rule.forEach];
  if (!group || !Array.isArray(items)) return [];
  return (items as Answers[]).map((item) => childScope(root, group.fields, item));
}

function feeLine(rule: FeeRule, scope: Scope, ctx: EngineContext): FeeLine | undefined {
  if (!isShown(rule.when, scope, ctx.today)) return undefined;
  const evaluated = rule.quantity === undefined ? 1 : evaluateIn(rule.quantity, scope, ctx.today);
  const quantity = typeof evaluated === 'number' && Number.isFinite(evaluated) ? Math.max(0, Math.floor(evaluated)) : 0;
  if (quantity === 0) return undefined;
  const first = rule.firstCents ?? rule.unitCents ?? 0;
  const further = rule.furtherCents ?? rule.unitCents ?? first;
  const free = rule.freeWhen !== undefined && isShown(rule.freeWhen, scope, ctx.today);
  const amountCents = free ? 0 : first + further * (quantity - 1);
  const label = interpolate(localize(rule.label, ctx.lang), { quantity, ...displayValues(scope, ctx) });
  return { feeId: rule.id, label, quantity, amountCents, free };
}

/** Display values of the fields in the innermost scope, for `{fieldId}` placeholders in labels. */
function displayValues(scope: Scope, ctx: EngineContext): Record<string, string> {
  const values: Record<string, string> = {};
  for (const field of scope.fields as Field[]) {
    const value = scope.values[field.id];
    if (field.type !== 'group' && !isEmptyValue(value)) values[field.id] = formatValue(field, value, ctx);
  }
  return values;
}
