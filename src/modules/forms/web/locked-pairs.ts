import type { Field } from '../definition/types.ts';
import type { Answers, RawValue } from '../engine/index.ts';
import { inputValue } from '../engine/index.ts';
import { childName } from '../engine/names.ts';

/**
 * Values pre-filled from the identity are shown read-only and never taken from the post: whatever was
 * posted under their names is dropped and the stored value is posted in its place.
 */
export function withLockedValues(
  pairs: [string, string][],
  fields: readonly Field[],
  answers: Answers,
  locked: ReadonlySet<string>,
): [string, string][] {
  const lockedFields = fields.filter((field) => locked.has(field.id) && field.type !== 'group');
  if (lockedFields.length === 0) return pairs;
  const names = new Set(lockedFields.map((field) => field.id));
  const kept = pairs.filter(([name]) => !names.has(name.split('[')[0]!));
  for (const field of lockedFields) kept.push(...flatten(field.id, inputValue(field, undefined, answers[field.id])));
  return kept;
}

function flatten(name: string, raw: RawValue | undefined): [string, string][] {
  if (raw === undefined) return [];
  if (typeof raw === 'string') return [[name, raw]];
  if (Array.isArray(raw)) {
    return raw.flatMap((entry, index) =>
      typeof entry === 'string' ? [[name, entry] as [string, string]] : flatten(childName(name, index), entry),
    );
  }
  return Object.entries(raw).flatMap(([key, value]) => flatten(childName(name, key), value));
}
