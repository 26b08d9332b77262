import type { Field, Language } from '../../definition/types.ts';
import type { AnswerValue, RawValue } from '../answers.ts';
import type { CodeListSource } from '../context.ts';
import type { Issue } from '../messages.ts';
import type { MessageKey } from '../messages-de.ts';

/** What a field type may consult while checking one value. */
export interface CheckContext {
  today: string;
  lang: Language;
  codeLists?: CodeListSource;
  /** Value and label of another field in scope, for rules such as `notBefore`. */
  lookup(fieldId: string): { value: unknown; label: string } | undefined;
}

export interface ParseOutcome {
  value: AnswerValue;
  issue?: Issue;
}

/**
 * One field type: how raw form input becomes a typed value, which checks apply to a non-empty value,
 * and how the value reads on the summary page. Register new types in `registry.ts`.
 */
export interface FieldType<F extends Field = Field> {
  /** False for types whose value never comes from a form post (info, hidden, locked, group). */
  takesInput: boolean;
  /** Names of the sub-inputs (e.g. `tag`, `monat`, `jahr`), in focus order. */
  subfields?: readonly string[];
  /** Default message when a required value is missing. */
  requiredMessage?: MessageKey;
  parse(raw: RawValue | undefined, field: F): ParseOutcome;
  /** Checks a value that is not empty. */
  validate?(value: AnswerValue, field: F, ctx: CheckContext): Issue | undefined;
  isEmpty?(value: AnswerValue): boolean;
  /** Display text for the summary; lines separated by `\n`. */
  format(value: AnswerValue, field: F, lang: Language, codeLists?: CodeListSource): string;
  /** The raw input that shows `value` again, for pages rendered from stored answers. */
  toRaw?(value: AnswerValue, field: F): RawValue | undefined;
}
