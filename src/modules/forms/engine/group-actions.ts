import type { AssistantDefinition, Field, GroupField } from '../definition/types.ts';
import type { Answers, FormState, RawObject } from './answers.ts';
import { splitName } from './names.ts';
import { allTopLevelFields } from './scope.ts';

/** A button of a repeatable group, posted without JavaScript as `aktion=add:fahrzeuge` or `remove:fahrzeuge:2`. */
export type GroupAction = { kind: 'add'; group: string } | { kind: 'remove'; group: string; index: number };

/** Reads the value of an `aktion` button; undefined for other actions. */
export function parseGroupAction(value: string | undefined): GroupAction | undefined {
  const match = /^(add|remove):([^:]+)(?::(\d{1,6}))?$/.exec(value ?? '');
  if (!match) return undefined;
  if (match[1] === 'add' && match[3] === undefined) return { kind: 'add', group: match[2]! };
  if (match[1] === 'remove' && match[3] !== undefined)
    return { kind: 'remove', group: match[2]!, index: Number(match[3]) };
  return undefined;
}

/** Outcome of an action; `applied` is false when it was refused (unknown group, max reached, bad index). */
export interface GroupActionResult extends FormState {
  applied: boolean;
}

/**
 * Applies "add item" / "remove item i" to a repeatable group as a pure state change on answers and raw
 * input alike. `group` is the group's form name: `fahrzeuge`, or `halter[0][kinder]` when nested.
 */
export function applyGroupAction(def: AssistantDefinition, state: FormState, action: GroupAction): GroupActionResult {
  const located = locate(def, action.group);
  if (!located) return { ...state, applied: false };
  const items = listAt(state.answers, located.path);
  if (action.kind === 'add' && located.group.max !== undefined && items.length >= located.group.max) {
    return { ...state, applied: false };
  }
  if (action.kind === 'remove' && action.index >= items.length) return { ...state, applied: false };
  const change = <T>(list: T[], empty: T): T[] =>
    action.kind === 'add' ? [...list, empty] : list.filter((_, index) => index !== action.index);
  return {
    answers: updateAt(state.answers, located.path, (list) => change(list, {})) as Answers,
    raw: updateAt(state.raw, located.path, (list) => change(list, {})) as RawObject,
    applied: true,
  };
}

/** Finds the repeatable group a form name points at, and the path of keys to its list. */
function locate(def: AssistantDefinition, name: string): { group: GroupField; path: string[] } | undefined {
  const segments = splitName(name);
  if (!segments) return undefined;
  let fields: readonly Field[] = allTopLevelFields(def);
  let found: GroupField | undefined;
  for (let i = 0; i < segments.length; i++) {
    const field = fields.find((candidate) => candidate.id === segments[i]);
    if (field?.type !== 'group') return undefined;
    found = field;
    fields = field.fields;
    if (field.repeatable && i < segments.length - 1) {
      if (!/^\d+$/.test(segments[++i]!)) return undefined;
    }
  }
  return found?.repeatable ? { group: found, path: segments } : undefined;
}

function listAt(root: unknown, path: string[]): unknown[] {
  const value = path.reduce<unknown>(
    (node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined),
    root,
  );
  return Array.isArray(value) ? value : [];
}

/** Immutable update of the list at `path` (missing containers are created). */
function updateAt(node: unknown, path: string[], change: (list: object[]) => object[]): unknown {
  if (path.length === 0) return change(Array.isArray(node) ? node : []);
  const [key, ...rest] = path as [string, ...string[]];
  if (Array.isArray(node)) {
    const copy = [...node];
    copy[Number(key)] = updateAt(copy[Number(key)], rest, change);
    return copy;
  }
  const record = node && typeof node === 'object' ? (node as Record<string, unknown>) : {};
  return { ...record, [key]: updateAt(record[key], rest, change) };
}
