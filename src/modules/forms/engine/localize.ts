import type { Language, LocalizedText } from '../definition/types.ts';

/** Picks the text in `lang`, falling back to German. */
export function localize(text: LocalizedText | undefined, lang: Language = 'de'): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  return (lang === 'en' ? text.en : undefined) ?? text.de;
}

/** Replaces `{name}` placeholders; unknown placeholders stay as they are. */
export function interpolate(template: string, params: Record<string, string | number | undefined>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    params[key] === undefined ? whole : String(params[key]),
  );
}
