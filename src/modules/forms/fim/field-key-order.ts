import type { Field } from '../definition/types.ts';

const LEADING_KEYS = ['id', 'type', 'label'];

/** The same field with `id`, `type` and `label` first, so the produced JSON reads naturally. */
export function withLeadingKeys<T extends Field>(field: T): T {
  const entries = Object.entries(field);
  const leading = LEADING_KEYS.flatMap((key) => entries.filter(([k]) => k === key));
  const rest = entries.filter(([k]) => !LEADING_KEYS.includes(k));
  return Object.fromEntries([...leading, ...rest]) as T;
}
