import type { Field, GroupField } from '../definition/types.ts';
import type { AnswerValue } from './answers.ts';
import type { EngineContext } from './context.ts';
import { fieldTypeOf } from './fields/registry.ts';

/** The display text of one non-group value in the citizen's language. */
export function formatValue(
  field: Exclude<Field, GroupField>,
  value: AnswerValue,
  ctx: Pick<EngineContext, 'lang' | 'codeLists'>,
): string {
  return fieldTypeOf(field).format(value, field, ctx.lang ?? 'de', ctx.codeLists);
}
