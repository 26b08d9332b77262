import type { DateField } from '../../definition/types.ts';
import { formatIsoDate } from '../format.ts';
import type { Issue } from '../messages.ts';
import { ISO_DATE } from './calendar.ts';
import { parseDate } from './date-parse.ts';
import type { CheckContext, FieldType } from './field-type.ts';

/** Date from three inputs Tag/Monat/Jahr; stored as ISO; checked against today and other date fields. */
export const dateType: FieldType<DateField> = {
  takesInput: true,
  subfields: ['tag', 'monat', 'jahr'],
  parse: (raw) => parseDate(raw),
  validate(value, field, ctx) {
    const date = value as string;
    const relation = field.mustBe;
    if (relation === 'past' && !(date < ctx.today)) return { code: 'past' };
    if (relation === 'notFuture' && date > ctx.today) return { code: 'notFuture' };
    if (relation === 'future' && !(date > ctx.today)) return { code: 'future' };
    if (relation === 'notPast' && date < ctx.today) return { code: 'notPast' };
    return bound(date, field.notBefore, 'notBefore', ctx) ?? bound(date, field.notAfter, 'notAfter', ctx);
  },
  format: (value) => formatIsoDate(value as string),
  toRaw(value) {
    if (typeof value !== 'string') return undefined;
    return { tag: value.slice(8, 10), monat: value.slice(5, 7), jahr: value.slice(0, 4) };
  },
};

/** `notBefore`/`notAfter` against `today`, a fixed ISO date or another date field (skipped while that is empty). */
function bound(
  date: string,
  reference: string | undefined,
  code: 'notBefore' | 'notAfter',
  ctx: CheckContext,
): Issue | undefined {
  if (!reference) return undefined;
  let other: string | undefined;
  let params: Record<string, string>;
  let fromField = false;
  if (reference === 'today') {
    other = ctx.today;
    params = { other: formatIsoDate(ctx.today) };
  } else if (ISO_DATE.test(reference)) {
    other = reference;
    params = { other: formatIsoDate(reference) };
  } else {
    const found = ctx.lookup(reference);
    other = typeof found?.value === 'string' ? found.value : undefined;
    params = { other: found?.label ?? reference };
    fromField = true;
  }
  if (other === undefined) return undefined;
  const broken = code === 'notBefore' ? date < other : date > other;
  if (!broken) return undefined;
  return { code, params, messageKey: fromField ? `${code}Field` : code };
}
