import type { AssistantDefinition, Field, GroupField } from '../definition/types.ts';
import type { Answers } from './answers.ts';
import type { EngineContext } from './context.ts';
import { isEmptyValue } from './expression/functions.ts';
import { fieldTypeOf } from './fields/registry.ts';
import { formatValue } from './format-value.ts';
import { interpolate, localize } from './localize.ts';
import { childName } from './names.ts';
import { pruneHidden } from './prune-hidden.ts';
import { childScope, isShown, rootScope, type Scope } from './scope.ts';

export type SummaryRow =
  | { kind: 'value'; fieldId: string; name: string; label: string; displayValue: string; empty: boolean }
  | { kind: 'group'; fieldId: string; name: string; label: string; items: SummaryItem[] };

/** One item of a group, e.g. "Hund 2" with its rows. */
export interface SummaryItem {
  label: string;
  name: string;
  rows: SummaryRow[];
}

export interface SummaryStep {
  stepId: string;
  title: string;
  rows: SummaryRow[];
}

/**
 * The check-your-answers structure: visible steps and fields in definition order with German display
 * values (17.03.1985, 1.234,56 €, IBAN in groups of four). Info and hidden fields are left out.
 */
export function summarize(def: AssistantDefinition, answers: Answers, ctx: EngineContext): SummaryStep[] {
  const lang = ctx.lang ?? 'de';
  const scope = rootScope(def, pruneHidden(def, answers, ctx));
  return def.steps
    .filter((step) => isShown(step.when, scope, ctx.today))
    .map((step) => ({ stepId: step.id, title: localize(step.title, lang), rows: rowsOf(step.fields, scope, '', ctx) }))
    .filter((step) => step.rows.length > 0);
}

function rowsOf(fields: readonly Field[], scope: Scope, prefix: string, ctx: EngineContext): SummaryRow[] {
  const rows: SummaryRow[] = [];
  const lang = ctx.lang ?? 'de';
  for (const field of fields) {
    if (field.type === 'info' || field.type === 'hidden' || !isShown(field.when, scope, ctx.today)) continue;
    const name = childName(prefix, field.id);
    const label = localize(field.label, lang);
    if (field.type === 'group') {
      rows.push({ kind: 'group', fieldId: field.id, name, label, items: itemsOf(field, scope, name, ctx) });
      continue;
    }
    const value = scope.values[field.id];
    const type = fieldTypeOf(field);
    const empty = type.isEmpty ? type.isEmpty(value) : isEmptyValue(value);
    const displayValue =
      empty && field.type !== 'checkbox'
        ? lang === 'en'
          ? 'Not provided'
          : 'Keine Angabe'
        : formatValue(field, value, ctx);
    rows.push({ kind: 'value', fieldId: field.id, name, label, displayValue, empty });
  }
  return rows;
}

function itemsOf(group: GroupField, scope: Scope, name: string, ctx: EngineContext): SummaryItem[] {
  const lang = ctx.lang ?? 'de';
  const value = scope.values[group.id];
  if (!group.repeatable) {
    const item = value && typeof value === 'object' && !Array.isArray(value) ? (value as Answers) : {};
    return [
      {
        label: localize(group.label, lang),
        name,
        rows: rowsOf(group.fields, childScope(scope, group.fields, item), name, ctx),
      },
    ];
  }
  const template = group.itemLabel ? localize(group.itemLabel, lang) : `${localize(group.label, lang)} {n}`;
  return (Array.isArray(value) ? (value as Answers[]) : []).map((item, index) => {
    const itemName = childName(name, index);
    return {
      label: interpolate(template, { n: index + 1 }),
      name: itemName,
      rows: rowsOf(group.fields, childScope(scope, group.fields, item), itemName, ctx),
    };
  });
}
