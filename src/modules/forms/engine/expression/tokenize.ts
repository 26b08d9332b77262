import { ExpressionError } from './ast.ts';

export type TokenKind = 'number' | 'string' | 'name' | 'op' | 'eof';

export interface Token {
  kind: TokenKind;
  text: string;
  /** Decoded value for strings and numbers. */
  value?: string | number;
  at: number;
}

const OPERATORS = ['==', '!=', '<=', '>=', '<', '>', '(', ')', '[', ']', ',', '.', '+', '-', '*', '/'];
const MAX_LENGTH = 2000;

/** Splits an expression into tokens; rejects anything it does not know instead of guessing. */
export function tokenize(source: string): Token[] {
  if (source.length > MAX_LENGTH) throw new ExpressionError(`Expression is longer than ${MAX_LENGTH} characters`, 0);
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source[i]!;
    if (/\s/.test(ch)) {
      i++;
    } else if (/[0-9]/.test(ch)) {
      const match = /^[0-9]+(\.[0-9]+)?/.exec(source.slice(i))!;
      tokens.push({ kind: 'number', text: match[0], value: Number(match[0]), at: i });
      i += match[0].length;
    } else if (ch === '"' || ch === "'") {
      i = readString(source, i, tokens);
    } else if (/[A-Za-z_]/.test(ch)) {
      const match = /^[A-Za-z_][A-Za-z0-9_]*/.exec(source.slice(i))!;
      tokens.push({ kind: 'name', text: match[0], at: i });
      i += match[0].length;
    } else {
      const op = OPERATORS.find((candidate) => source.startsWith(candidate, i));
      if (!op) throw new ExpressionError(`Unexpected character "${ch}"`, i);
      tokens.push({ kind: 'op', text: op, at: i });
      i += op.length;
    }
  }
  tokens.push({ kind: 'eof', text: 'end of expression', at: source.length });
  return tokens;
}

function readString(source: string, start: number, tokens: Token[]): number {
  const quote = source[start];
  let value = '';
  let i = start + 1;
  while (i < source.length && source[i] !== quote) {
    if (source[i] === '\\' && i + 1 < source.length) i++;
    value += source[i];
    i++;
  }
  if (i >= source.length) throw new ExpressionError('Unterminated string', start);
  tokens.push({ kind: 'string', text: source.slice(start, i + 1), value, at: start });
  return i + 1;
}
