import type { AssistantDefinition, CrossFieldRule } from '../definition/types.ts';
import { compiled } from './expression/compiled.ts';
import { isEmptyValue } from './expression/functions.ts';
import { collectReferences } from './expression/references.ts';
import { fieldTypeOf } from './fields/registry.ts';
import { localize } from './localize.ts';
import { allTopLevelFields, evaluateIn, isShown, type Scope } from './scope.ts';
import { report, type ValidationRun } from './validate-fields.ts';

/**
 * Checks cross-field rules whose first target field is in `fieldIds`. A rule is skipped while a field it
 * reads is empty or already has an error: "required" and the field's own checks speak first.
 */
export function validateRules(def: AssistantDefinition, scope: Scope, fieldIds: Set<string>, run: ValidationRun) {
  for (const rule of def.rules ?? []) {
    const target = rule.fields[0]!;
    if (!fieldIds.has(target) || !ready(rule, scope, run)) continue;
    if (!isShown(rule.when, scope, run.today)) continue;
    if (isShown(rule.assert, scope, run.today)) continue;
    const field = allTopLevelFields(def).find((candidate) => candidate.id === target);
    const message = localize(rule.message, run.lang);
    report(
      { id: target, label: field?.label ?? target, messages: { [rule.id]: message } },
      target,
      { code: rule.id, subfield: field && field.type !== 'group' ? fieldTypeOf(field).subfields?.[0] : undefined },
      run,
    );
  }
}

function ready(rule: CrossFieldRule, scope: Scope, run: ValidationRun): boolean {
  const names = new Set([...rule.fields, ...collectReferences(compiled(rule.assert)).map((ref) => ref.path[0]!)]);
  for (const name of names) {
    if (run.failed.has(name) || isEmptyValue(evaluateIn(name, scope, run.today))) return false;
  }
  return true;
}
