import type { Language } from '../definition/types.ts';

/** A source of code lists; structurally matches the forms module's CodeListRegistry. */
export interface CodeListSource {
  byKey(key: string): { values: { code: string; label: string }[] } | undefined;
}

/** What the pure engine needs from the outside world. */
export interface EngineContext {
  /** The current day as ISO `YYYY-MM-DD` (see `todayIn`). */
  today: string;
  /** Language of messages and labels; default German. */
  lang?: Language;
  codeLists?: CodeListSource;
}

const isoDateFormats = new Map<string, Intl.DateTimeFormat>();

/** The ISO date of `now` in the given time zone (default Europe/Berlin). Formatters are cached: building one costs ~0.5 ms. */
export function todayIn(now: Date, timeZone = 'Europe/Berlin'): string {
  let format = isoDateFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    isoDateFormats.set(timeZone, format);
  }
  return format.format(now);
}
