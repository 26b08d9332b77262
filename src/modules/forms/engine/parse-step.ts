import type { AssistantDefinition, Field, GroupField } from '../definition/types.ts';
import type { Answers, AnswerValue, RawObject, RawValue } from './answers.ts';
import { fieldTypeOf } from './fields/registry.ts';
import { type FormBody, parseFormBody } from './form-body.ts';
import type { Issue } from './messages.ts';
import { childName } from './names.ts';

/** Never more items are read from one post, whatever the group's `max` (which validation reports). */
export const HARD_ITEM_LIMIT = 500;

export interface ParsedStep {
  /** Typed values of the step's input fields; undefined where empty or unreadable. */
  answers: Answers;
  /** What was typed, restricted to the step's fields, items renumbered 0…n-1. */
  raw: RawObject;
  /** Unreadable input by form name, e.g. `geburtsdatum` → dateInvalid. */
  issues: Map<string, Issue>;
}

/**
 * Reads the post of one step. Only the step's own input fields are read: other names, hidden and
 * locked fields are ignored, so a post can never overwrite pre-filled values.
 */
export function parseStep(def: AssistantDefinition, stepId: string, body: FormBody): ParsedStep {
  const step = def.steps.find((candidate) => candidate.id === stepId);
  const tree = parseFormBody(body);
  const result: ParsedStep = { answers: {}, raw: {}, issues: new Map() };
  if (step) parseLevel(step.fields, tree, '', result.answers, result.raw, result.issues);
  return result;
}

function parseLevel(
  fields: readonly Field[],
  tree: RawObject,
  prefix: string,
  out: Answers,
  rawOut: RawObject,
  issues: Map<string, Issue>,
): void {
  for (const field of fields) {
    const name = childName(prefix, field.id);
    const raw = tree[field.id];
    if (field.type === 'group') {
      const parsed = parseGroup(field, raw, name, issues);
      out[field.id] = parsed.value;
      rawOut[field.id] = parsed.raw;
      continue;
    }
    const type = fieldTypeOf(field);
    if (!type.takesInput || field.type === 'info') continue;
    const outcome = type.parse(raw, field);
    out[field.id] = outcome.value;
    if (raw !== undefined) rawOut[field.id] = raw;
    if (outcome.issue) issues.set(name, outcome.issue);
  }
}

function parseGroup(group: GroupField, raw: RawValue | undefined, name: string, issues: Map<string, Issue>) {
  const parseItem = (itemRaw: RawValue | undefined, itemName: string) => {
    const values: Answers = {};
    const itemRawOut: RawObject = {};
    const tree = itemRaw && typeof itemRaw === 'object' && !Array.isArray(itemRaw) ? itemRaw : {};
    parseLevel(group.fields, tree, itemName, values, itemRawOut, issues);
    return { values, raw: itemRawOut };
  };
  if (!group.repeatable) {
    const item = parseItem(raw, name);
    return { value: item.values as AnswerValue, raw: item.raw as RawValue };
  }
  const items = orderedItems(raw).map((itemRaw, index) => parseItem(itemRaw, childName(name, index)));
  return { value: items.map((item) => item.values) as AnswerValue, raw: items.map((item) => item.raw) as RawValue };
}

/** Items of a posted repeatable group in index order (`x[0]`, `x[1]`, … or a list). */
function orderedItems(raw: RawValue | undefined): (RawValue | undefined)[] {
  if (!raw || typeof raw === 'string') return [];
  if (Array.isArray(raw)) return raw.slice(0, HARD_ITEM_LIMIT);
  return Object.keys(raw)
    .filter((key) => /^\d{1,6}$/.test(key))
    .sort((a, b) => Number(a) - Number(b))
    .slice(0, HARD_ITEM_LIMIT)
    .map((key) => raw[key]);
}
