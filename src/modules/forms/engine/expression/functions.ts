/** Built-in functions of the condition language. Each is total: wrong input gives a neutral result, never a throw. */
export interface FunctionContext {
  /** ISO date `YYYY-MM-DD`. */
  today: string;
}

type BuiltIn = { arity: number; call: (args: unknown[], ctx: FunctionContext) => unknown };

export const builtInFunctions: Record<string, BuiltIn> = {
  count: { arity: 1, call: ([x]) => (Array.isArray(x) ? x.length : 0) },
  isEmpty: { arity: 1, call: ([x]) => isEmptyValue(x) },
  isNotEmpty: { arity: 1, call: ([x]) => !isEmptyValue(x) },
  length: { arity: 1, call: ([x]) => (typeof x === 'string' || Array.isArray(x) ? x.length : 0) },
  contains: { arity: 2, call: ([list, item]) => Array.isArray(list) && list.includes(item) },
  today: { arity: 0, call: (_args, ctx) => ctx.today },
  yearsSince: { arity: 1, call: ([date], ctx) => yearsBetween(date, ctx.today) },
};

/** Empty means: missing, null, blank text, an empty list, `false` of an unticked checkbox, or an object of empty values. */
export function isEmptyValue(value: unknown): boolean {
  if (value === undefined || value === null || value === false) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.values(value).every(isEmptyValue);
  return false;
}

/** Whole years from `from` to `to` (ISO dates), e.g. the age on a given day. */
export function yearsBetween(from: unknown, to: string): number | undefined {
  if (typeof from !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(from)) return undefined;
  const years = Number(to.slice(0, 4)) - Number(from.slice(0, 4));
  return to.slice(5) < from.slice(5) ? years - 1 : years;
}
