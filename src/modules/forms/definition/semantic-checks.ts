import { checkExpression, type ScopeLevels } from './check-expression.ts';
import { checkFields } from './check-field.ts';
import type { DefinitionError } from './definition-error.ts';
import type { AssistantDefinition, Field } from './types.ts';

/**
 * Rules JSON Schema cannot express: unique ids, conditions that parse and read existing fields,
 * min ≤ max, non-empty options, rules and fees that reference existing fields.
 */
export function semanticChecks(def: AssistantDefinition): DefinitionError[] {
  const errors: DefinitionError[] = [];
  const topLevel: Field[] = def.steps.flatMap((step) => step.fields);
  const top: ScopeLevels = [topLevel];
  if (!def.languages.includes('de')) errors.push({ path: '/languages', message: 'languages must include "de"' });
  const stepIds = new Set<string>();
  const fieldSteps = new Map<string, number>();
  def.steps.forEach((step, s) => {
    if (stepIds.has(step.id)) errors.push({ path: `/steps/${s}/id`, message: `Step id "${step.id}" is used twice` });
    stepIds.add(step.id);
    if (step.fields.length === 0)
      errors.push({ path: `/steps/${s}/fields`, message: 'A step needs at least one field' });
    step.fields.forEach((field, f) => {
      const other = fieldSteps.get(field.id);
      if (other !== undefined && other !== s) {
        errors.push({
          path: `/steps/${s}/fields/${f}/id`,
          message: `Field id "${field.id}" is already used in step ${other}`,
        });
      }
      fieldSteps.set(field.id, s);
    });
    if (step.when)
      for (const m of checkExpression(step.when, top)) errors.push({ path: `/steps/${s}/when`, message: m });
    checkFields(step.fields, `/steps/${s}/fields`, top, errors);
  });
  checkRules(def, topLevel, errors);
  checkFees(def, topLevel, errors);
  return errors;
}

function checkRules(def: AssistantDefinition, topLevel: Field[], errors: DefinitionError[]): void {
  (def.rules ?? []).forEach((rule, r) => {
    const at = `/rules/${r}`;
    rule.fields.forEach((id, i) => {
      if (!topLevel.some((field) => field.id === id)) {
        errors.push({ path: `${at}/fields/${i}`, message: `Rule refers to unknown top-level field "${id}"` });
      }
    });
    for (const key of ['assert', 'when'] as const) {
      const source = rule[key];
      if (source)
        for (const message of checkExpression(source, [topLevel])) errors.push({ path: `${at}/${key}`, message });
    }
  });
}

function checkFees(def: AssistantDefinition, topLevel: Field[], errors: DefinitionError[]): void {
  (def.fees ?? []).forEach((fee, i) => {
    const at = `/fees/${i}`;
    let levels: ScopeLevels = [topLevel];
    if (fee.forEach !== undefined) {
      const group = topLevel.find((field) => field.id === fee.forEach);
      if (group?.type !== 'group' || !group.repeatable) {
        errors.push({
          path: `${at}/forEach`,
          message: `forEach must name a top-level repeatable group; "${fee.forEach}" is not one`,
        });
      } else levels = [group.fields, topLevel];
    }
    if (fee.unitCents === undefined && fee.firstCents === undefined) {
      errors.push({ path: at, message: 'A fee needs unitCents or firstCents' });
    }
    for (const key of ['when', 'quantity', 'freeWhen'] as const) {
      const source = fee[key];
      if (source) for (const message of checkExpression(source, levels)) errors.push({ path: `${at}/${key}`, message });
    }
  });
}
