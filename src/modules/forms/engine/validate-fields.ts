import type { Field, GroupField, Language } from '../definition/types.ts';
import type { Answers, FieldError } from './answers.ts';
import type { CodeListSource } from './context.ts';
import { isEmptyValue } from './expression/functions.ts';
import type { CheckContext } from './fields/field-type.ts';
import { fieldTypeOf } from './fields/registry.ts';
import { localize } from './localize.ts';
import { type Issue, messageFor } from './messages.ts';
import { childName } from './names.ts';
import { childScope, isShown, resolveIn, type Scope } from './scope.ts';

/** Shared state of one validation run. */
export interface ValidationRun {
  today: string;
  lang: Language;
  codeLists?: CodeListSource;
  parseIssues: Map<string, Issue>;
  errors: FieldError[];
  /** Form names that already carry an error, so cross-field rules do not pile up. */
  failed: Set<string>;
}

/** Validates the visible fields of one level (a step, a group, one item) and descends into groups. */
export function validateFields(fields: readonly Field[], scope: Scope, prefix: string, run: ValidationRun): void {
  for (const field of fields) {
    if (field.type === 'info' || !isShown(field.when, scope, run.today)) continue;
    const name = childName(prefix, field.id);
    if (field.type === 'group') validateGroup(field, scope, name, run);
    else validateValue(field, scope, name, run);
  }
}

function validateValue(field: Exclude<Field, GroupField>, scope: Scope, name: string, run: ValidationRun): void {
  const type = fieldTypeOf(field);
  // Pre-filled (hidden, locked) values cannot be corrected by the citizen, so there is nothing to report.
  if (!type.takesInput) return;
  const value = scope.values[field.id];
  let issue = run.parseIssues.get(name);
  if (!issue) {
    const empty = type.isEmpty ? type.isEmpty(value) : isEmptyValue(value);
    if (empty) {
      if (field.required) issue = { code: 'required', messageKey: type.requiredMessage, subfield: type.subfields?.[0] };
    } else {
      issue = type.validate?.(value, field, checkContext(scope, run));
    }
  }
  // A message about the whole value of a compound input (date, address) links to its first sub-input.
  if (issue) report(field, name, { ...issue, subfield: issue.subfield ?? type.subfields?.[0] }, run);
}

function validateGroup(group: GroupField, scope: Scope, name: string, run: ValidationRun): void {
  const value = scope.values[group.id];
  if (!group.repeatable) {
    const item = value && typeof value === 'object' && !Array.isArray(value) ? (value as Answers) : {};
    validateFields(group.fields, childScope(scope, group.fields, item), name, run);
    return;
  }
  const items = Array.isArray(value) ? (value as Answers[]) : [];
  const min = group.min ?? (group.required ? 1 : 0);
  if (items.length < min) report(group, name, { code: 'tooFewItems', params: { min } }, run);
  if (group.max !== undefined && items.length > group.max) {
    report(group, name, { code: 'tooManyItems', params: { max: group.max } }, run);
  }
  items.forEach((item, index) => {
    validateFields(group.fields, childScope(scope, group.fields, item), childName(name, index), run);
  });
}

/** Adds a message for `field` at form name `name`. */
export function report(
  field: Pick<Field, 'id' | 'label' | 'messages'>,
  name: string,
  issue: Issue,
  run: ValidationRun,
) {
  const focus = issue.subfield ? childName(name, issue.subfield) : name;
  run.errors.push({ fieldId: field.id, name, focus, code: issue.code, message: messageFor(field, issue, run.lang) });
  run.failed.add(name);
}

function checkContext(scope: Scope, run: ValidationRun): CheckContext {
  return {
    today: run.today,
    lang: run.lang,
    codeLists: run.codeLists,
    lookup(fieldId) {
      const field = findInScope(scope, fieldId);
      return field && { value: resolveIn(scope, [fieldId]), label: localize(field.label, run.lang) };
    },
  };
}

function findInScope(scope: Scope | undefined, id: string): Field | undefined {
  for (let current = scope; current; current = current.parent) {
    const field = current.fields.find((candidate) => candidate.id === id);
    if (field) return field;
  }
  return undefined;
}
