import type { Expr } from './ast.ts';
import { builtInFunctions, type FunctionContext } from './functions.ts';

/** Looks up a dotted field path (`hund.rasse`) in the current answers; undefined when absent. */
export type Resolver = (path: readonly string[]) => unknown;

/**
 * Evaluates a parsed expression. Never throws: comparisons across types are false,
 * arithmetic on non-numbers is undefined, missing fields are undefined.
 */
export function evaluate(expr: Expr, resolve: Resolver, ctx: FunctionContext): unknown {
  switch (expr.kind) {
    case 'literal':
      return expr.value;
    case 'list':
      return expr.items.map((item) => evaluate(item, resolve, ctx));
    case 'ref':
      return resolve(expr.path);
    case 'not':
      return !isTruthy(evaluate(expr.operand, resolve, ctx));
    case 'negate': {
      const value = evaluate(expr.operand, resolve, ctx);
      return typeof value === 'number' ? -value : undefined;
    }
    case 'logical':
      return expr.op === 'and'
        ? isTruthy(evaluate(expr.left, resolve, ctx)) && isTruthy(evaluate(expr.right, resolve, ctx))
        : isTruthy(evaluate(expr.left, resolve, ctx)) || isTruthy(evaluate(expr.right, resolve, ctx));
    case 'compare':
      return compare(expr.op, evaluate(expr.left, resolve, ctx), evaluate(expr.right, resolve, ctx));
    case 'arithmetic':
      return arithmetic(expr.op, evaluate(expr.left, resolve, ctx), evaluate(expr.right, resolve, ctx));
    case 'call':
      return builtInFunctions[expr.name]!.call(
        expr.args.map((arg) => evaluate(arg, resolve, ctx)),
        ctx,
      );
  }
}

/** true, non-zero numbers, non-blank strings, non-empty lists and objects are truthy. */
export function isTruthy(value: unknown): boolean {
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  return Boolean(value);
}

function compare(op: string, left: unknown, right: unknown): boolean {
  switch (op) {
    case '==':
      return left === right || (left == null && right == null);
    case '!=':
      return !(left === right || (left == null && right == null));
    case 'in':
      return contains(right, left);
    case 'not in':
      return !contains(right, left);
  }
  const comparable =
    (typeof left === 'number' && typeof right === 'number') || (typeof left === 'string' && typeof right === 'string');
  if (!comparable) return false;
  const [a, b] = [left as number | string, right as number | string];
  if (op === '<') return a < b;
  if (op === '<=') return a <= b;
  if (op === '>') return a > b;
  return a >= b;
}

/** `x in list`; when x is itself a list (ticked checkboxes), any overlap counts. */
function contains(list: unknown, item: unknown): boolean {
  if (!Array.isArray(list)) return false;
  if (Array.isArray(item)) return item.some((entry) => list.includes(entry));
  return list.includes(item);
}

function arithmetic(op: string, left: unknown, right: unknown): number | undefined {
  if (typeof left !== 'number' || typeof right !== 'number') return undefined;
  if (op === '+') return left + right;
  if (op === '-') return left - right;
  if (op === '*') return left * right;
  return right === 0 ? undefined : left / right;
}
