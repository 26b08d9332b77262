import type { RawObject, RawValue } from '../../../engine/index.ts';

/** The text to show in a single input. */
export function textOf(raw: RawValue | undefined): string {
  if (typeof raw === 'string') return raw;
  if (Array.isArray(raw)) {
    const last = raw[raw.length - 1];
    return typeof last === 'string' ? last : '';
  }
  return '';
}

/** The sub-values of a compound input (date, address). */
export function partsOf(raw: RawValue | undefined): RawObject {
  return raw && typeof raw === 'object' && !Array.isArray(raw) ? raw : {};
}

/** The ticked values of checkboxes. */
export function listOf(raw: RawValue | undefined): string[] {
  if (typeof raw === 'string') return [raw];
  if (Array.isArray(raw)) return raw.filter((entry): entry is string => typeof entry === 'string');
  if (raw && typeof raw === 'object')
    return Object.values(raw).filter((entry): entry is string => typeof entry === 'string');
  return [];
}
