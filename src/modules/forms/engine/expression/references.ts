import type { Expr } from './ast.ts';

/** Every field path an expression reads, with its position, for the definition checks. */
export function collectReferences(expr: Expr, out: { path: string[]; at: number }[] = []): typeof out {
  switch (expr.kind) {
    case 'ref':
      out.push({ path: expr.path, at: expr.at });
      break;
    case 'list':
      for (const item of expr.items) collectReferences(item, out);
      break;
    case 'call':
      for (const arg of expr.args) collectReferences(arg, out);
      break;
    case 'not':
    case 'negate':
      collectReferences(expr.operand, out);
      break;
    case 'logical':
    case 'compare':
    case 'arithmetic':
      collectReferences(expr.left, out);
      collectReferences(expr.right, out);
      break;
  }
  return out;
}
