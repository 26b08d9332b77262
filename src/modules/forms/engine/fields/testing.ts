import type { Field, GroupField } from '../../definition/types.ts';
import type { AnswerValue, RawValue } from '../answers.ts';
import type { CodeListSource } from '../context.ts';
import { isEmptyValue } from '../expression/functions.ts';
import type { CheckContext } from './field-type.ts';
import { fieldTypeOf } from './registry.ts';

/** Test helper: parse then validate one raw input; returns the value or the first issue code. */
export function runField(
  field: Exclude<Field, GroupField>,
  raw: RawValue | undefined,
  options: { today?: string; codeLists?: CodeListSource; others?: Record<string, unknown> } = {},
): { value?: AnswerValue; code?: string; subfield?: string } {
  const type = fieldTypeOf(field);
  const parsed = type.parse(raw, field);
  if (parsed.issue) return { code: parsed.issue.code, subfield: parsed.issue.subfield };
  const empty = type.isEmpty ? type.isEmpty(parsed.value) : isEmptyValue(parsed.value);
  if (empty) return { value: parsed.value };
  const ctx: CheckContext = {
    today: options.today ?? '2026-01-15',
    lang: 'de',
    codeLists: options.codeLists,
    lookup: (id) => (options.others && id in options.others ? { value: options.others[id], label: id } : undefined),
  };
  const issue = type.validate?.(parsed.value, field, ctx);
  return issue ? { code: issue.code, subfield: issue.subfield } : { value: parsed.value };
}
