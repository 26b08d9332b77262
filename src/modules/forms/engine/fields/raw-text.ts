import type { RawValue } from '../answers.ts';
import type { Issue } from '../messages.ts';

/** No text value is kept longer than this, whatever the definition says. */
export const HARD_TEXT_LIMIT = 10_000;

/** The string in a raw value (the last one when a name was posted twice); '' for anything else. */
export function rawText(raw: RawValue | undefined): string {
  if (typeof raw === 'string') return raw;
  if (Array.isArray(raw)) {
    const last = raw[raw.length - 1];
    return typeof last === 'string' ? last : '';
  }
  return '';
}

/** Trimmed text, or an issue when it exceeds the hard limit. Empty text becomes undefined. */
export function parseTrimmed(raw: RawValue | undefined): { value: string | undefined; issue?: Issue } {
  const text = rawText(raw);
  if (text.length > HARD_TEXT_LIMIT)
    return { value: undefined, issue: { code: 'tooLong', params: { max: HARD_TEXT_LIMIT } } };
  const trimmed = text.trim();
  return { value: trimmed === '' ? undefined : trimmed };
}

/** Compact spelling used by parsers of codes and numbers: no spaces at all. */
export function withoutSpaces(text: string): string {
  return text.replace(/\s+/g, '');
}
