import type { Field, Language } from '../definition/types.ts';
import { interpolate, localize } from './localize.ts';
import { type MessageKey, messagesDe, partsDe } from './messages-de.ts';
import { messagesEn, partsEn } from './messages-en.ts';

/** A problem found by a check, before it becomes a sentence. */
export interface Issue {
  /** Stable code, also the key for per-field overrides in `field.messages`. */
  code: string;
  /** Default message to use; defaults to `code`. */
  messageKey?: MessageKey;
  params?: Record<string, string | number | undefined>;
  /** Sub-input to focus, e.g. `tag` of a date or `plz` of an address. */
  subfield?: string;
}

/** Turns an issue into the sentence the citizen reads: the field's override, else the default. */
export function messageFor(field: Pick<Field, 'label' | 'messages'>, issue: Issue, lang: Language = 'de'): string {
  const override = field.messages?.[issue.code];
  const key = issue.messageKey ?? (issue.code as MessageKey);
  const template = override ? localize(override, lang) : (lang === 'en' ? messagesEn : messagesDe)[key];
  const parts = lang === 'en' ? partsEn : partsDe;
  const params: Record<string, string | number | undefined> = { label: localize(field.label, lang), ...issue.params };
  if (typeof params.part === 'string') params.part = parts[params.part] ?? params.part;
  return interpolate(template ?? messagesDe.rule, params);
}
