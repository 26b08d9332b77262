import type { Expr } from './ast.ts';
import { parseExpression } from './parse.ts';

const cache = new Map<string, Expr>();
const MAX_ENTRIES = 10_000;

/** Parses once per distinct source text; definitions are validated before use, so this rarely throws. */
export function compiled(source: string): Expr {
  let expr = cache.get(source);
  if (!expr) {
    expr = parseExpression(source);
    if (cache.size >= MAX_ENTRIES) cache.clear();
    cache.set(source, expr);
  }
  return expr;
}
