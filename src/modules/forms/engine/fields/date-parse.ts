import type { RawValue } from '../answers.ts';
import { ISO_DATE, isoDate } from './calendar.ts';
import type { ParseOutcome } from './field-type.ts';
import { rawText } from './raw-text.ts';

const PARTS = ['tag', 'monat', 'jahr'] as const;

/**
 * Reads the three inputs Tag/Monat/Jahr (missing leading zeros are fine). Also accepts one string,
 * ISO or "17.3.1985", as pre-filled values come.
 */
export function parseDate(raw: RawValue | undefined): ParseOutcome {
  if (typeof raw === 'string') return parseDateString(raw.trim());
  const record = raw && typeof raw === 'object' && !Array.isArray(raw) ? raw : {};
  const parts = PARTS.map((part) => rawText(record[part]).trim());
  if (parts.every((part) => part === '')) return { value: undefined };
  const missing = parts.indexOf('');
  if (missing >= 0) {
    return {
      value: undefined,
      issue: { code: 'dateIncomplete', params: { part: PARTS[missing]! }, subfield: PARTS[missing]! },
    };
  }
  const notNumeric = parts.findIndex((part) => !/^\d{1,4}$/.test(part));
  if (notNumeric >= 0) return { value: undefined, issue: { code: 'dateInvalid', subfield: PARTS[notNumeric]! } };
  const [day, month, year] = parts as [string, string, string];
  if (year.length !== 4) return { value: undefined, issue: { code: 'dateYear', subfield: 'jahr' } };
  const iso = isoDate(Number(year), Number(month), Number(day));
  if (!iso) return { value: undefined, issue: { code: 'dateInvalid', subfield: Number(month) > 12 ? 'monat' : 'tag' } };
  return { value: iso };
}

function parseDateString(text: string): ParseOutcome {
  if (text === '') return { value: undefined };
  const german = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
  const iso = ISO_DATE.test(text)
    ? isoDate(Number(text.slice(0, 4)), Number(text.slice(5, 7)), Number(text.slice(8)))
    : german && isoDate(Number(german[3]), Number(german[2]), Number(german[1]));
  return iso ? { value: iso } : { value: undefined, issue: { code: 'dateInvalid', subfield: 'tag' } };
}
