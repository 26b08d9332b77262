import { type CompareOp, type Expr, ExpressionError } from './ast.ts';
import { builtInFunctions } from './functions.ts';
import { type Token, tokenize } from './tokenize.ts';

/** Words with a meaning in the language; they cannot be used as field ids. */
export const reservedWords = new Set(['and', 'or', 'not', 'in', 'true', 'false', 'null']);

const COMPARE_OPS = new Set(['==', '!=', '<', '<=', '>', '>=']);
const MAX_DEPTH = 50;

/**
 * Parses an expression such as `zweck == "rente" and not(versand == "post")`.
 * Throws {@link ExpressionError} with a position on any syntax error or unknown function.
 */
export function parseExpression(source: string): Expr {
  const parser = new Parser(tokenize(source));
  const expr = parser.expression();
  parser.expectEnd();
  return expr;
}

class Parser {
  private index = 0;
  private depth = 0;
  constructor(private readonly tokens: Token[]) {}

  expression(): Expr {
    if (++this.depth > MAX_DEPTH) throw new ExpressionError('Expression is nested too deeply', this.peek().at);
    const expr = this.or();
    this.depth--;
    return expr;
  }

  expectEnd(): void {
    const token = this.peek();
    if (token.kind !== 'eof') throw new ExpressionError(`Unexpected "${token.text}"`, token.at);
  }

  private or(): Expr {
    let left = this.and();
    while (this.acceptName('or')) left = { kind: 'logical', op: 'or', left, right: this.and() };
    return left;
  }

  private and(): Expr {
    let left = this.not();
    while (this.acceptName('and')) left = { kind: 'logical', op: 'and', left, right: this.not() };
    return left;
  }

  private not(): Expr {
    if (this.peekName('not') && !this.peekName('in', 1)) {
      this.index++;
      return { kind: 'not', operand: this.not() };
    }
    return this.comparison();
  }

  private comparison(): Expr {
    const left = this.additive();
    const token = this.peek();
    let op: CompareOp | undefined;
    if (token.kind === 'op' && COMPARE_OPS.has(token.text)) op = token.text as CompareOp;
    else if (this.peekName('in')) op = 'in';
    else if (this.peekName('not') && this.peekName('in', 1)) op = 'not in';
    if (!op) return left;
    this.index += op === 'not in' ? 2 : 1;
    return { kind: 'compare', op, left, right: this.additive() };
  }

  private additive(): Expr {
    let left = this.multiplicative();
    for (let op = this.acceptOp('+', '-'); op; op = this.acceptOp('+', '-')) {
      left = { kind: 'arithmetic', op: op as '+' | '-', left, right: this.multiplicative() };
    }
    return left;
  }

  private multiplicative(): Expr {
    let left = this.unary();
    for (let op = this.acceptOp('*', '/'); op; op = this.acceptOp('*', '/')) {
      left = { kind: 'arithmetic', op: op as '*' | '/', left, right: this.unary() };
    }
    return left;
  }

  private unary(): Expr {
    if (this.acceptOp('-')) return { kind: 'negate', operand: this.unary() };
    return this.primary();
  }

  private primary(): Expr {
    const token = this.next();
    if (token.kind === 'number' || token.kind === 'string') return { kind: 'literal', value: token.value! };
    if (token.kind === 'op' && token.text === '(') {
      const inner = this.expression();
      this.expectOp(')');
      return inner;
    }
    if (token.kind === 'op' && token.text === '[') return { kind: 'list', items: this.arguments(']') };
    if (token.kind === 'name') return this.name(token);
    throw new ExpressionError(`Unexpected "${token.text}"`, token.at);
  }

  private name(token: Token): Expr {
    if (token.text === 'true' || token.text === 'false') return { kind: 'literal', value: token.text === 'true' };
    if (token.text === 'null') return { kind: 'literal', value: null };
    if (reservedWords.has(token.text)) throw new ExpressionError(`Unexpected "${token.text}"`, token.at);
    if (this.acceptOp('(')) {
      const fn = builtInFunctions[token.text];
      if (!fn) throw new ExpressionError(`Unknown function "${token.text}"`, token.at);
      const args = this.arguments(')');
      if (args.length !== fn.arity) {
        throw new ExpressionError(
          `Function "${token.text}" takes ${fn.arity} argument(s), got ${args.length}`,
          token.at,
        );
      }
      return { kind: 'call', name: token.text, args, at: token.at };
    }
    const path = [token.text];
    while (this.acceptOp('.')) {
      const part = this.next();
      if (part.kind !== 'name') throw new ExpressionError('Expected a field name after "."', part.at);
      path.push(part.text);
    }
    return { kind: 'ref', path, at: token.at };
  }

  private arguments(close: string): Expr[] {
    const items: Expr[] = [];
    if (this.acceptOp(close)) return items;
    do items.push(this.expression());
    while (this.acceptOp(','));
    this.expectOp(close);
    return items;
  }

  private peek(offset = 0): Token {
    return this.tokens[Math.min(this.index + offset, this.tokens.length - 1)]!;
  }

  private next(): Token {
    const token = this.peek();
    if (token.kind !== 'eof') this.index++;
    return token;
  }

  private peekName(name: string, offset = 0): boolean {
    const token = this.peek(offset);
    return token.kind === 'name' && token.text === name;
  }

  private acceptName(name: string): boolean {
    if (!this.peekName(name)) return false;
    this.index++;
    return true;
  }

  private acceptOp(...ops: string[]): string | undefined {
    const token = this.peek();
    if (token.kind !== 'op' || !ops.includes(token.text)) return undefined;
    this.index++;
    return token.text;
  }

  private expectOp(op: string): void {
    const token = this.peek();
    if (!this.acceptOp(op)) throw new ExpressionError(`Expected "${op}" but found "${token.text}"`, token.at);
  }
}
