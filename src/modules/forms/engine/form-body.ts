import type { RawObject, RawValue } from './answers.ts';
import { splitName } from './names.ts';

/** A urlencoded body as Fastify's formbody gives it, or name/value pairs (e.g. URLSearchParams). */
export type FormBody = Record<string, string | string[] | undefined> | Iterable<[string, string]>;

const MAX_ENTRIES = 5000;
const MAX_DEPTH = 6;
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Turns flat names such as `geburtsdatum[tag]` or `fahrzeuge[2][kennzeichen]` into a nested raw tree.
 * Repeated names become lists; `x[]` appends. Malformed, too deep or unsafe names are skipped.
 */
export function parseFormBody(body: FormBody): RawObject {
  const tree: RawObject = {};
  let count = 0;
  for (const [name, value] of pairs(body)) {
    if (++count > MAX_ENTRIES) break;
    const segments = splitName(name);
    if (!segments || segments.length > MAX_DEPTH || segments.some((s) => UNSAFE_KEYS.has(s))) continue;
    insert(tree, segments, value);
  }
  return tree;
}

function* pairs(body: FormBody): Iterable<[string, string]> {
  if (Symbol.iterator in body) {
    yield* body as Iterable<[string, string]>;
    return;
  }
  for (const [name, value] of Object.entries(body)) {
    if (typeof value === 'string') yield [name, value];
    else if (Array.isArray(value)) for (const entry of value) yield [name, entry];
  }
}

function insert(tree: RawObject, segments: string[], value: string): void {
  let node: RawObject = tree;
  for (let i = 0; i < segments.length - 1; i++) {
    const key = segments[i]!;
    const nextIsAppend = segments[i + 1] === '';
    if (nextIsAppend) {
      const existing = node[key];
      node[key] = [...(Array.isArray(existing) ? existing : []), value];
      return;
    }
    const child = node[key];
    if (!child || typeof child !== 'object' || Array.isArray(child)) node[key] = {};
    node = node[key] as RawObject;
  }
  const last = segments[segments.length - 1]!;
  const existing: RawValue | undefined = node[last];
  if (existing === undefined) node[last] = value;
  else if (typeof existing === 'string') node[last] = [existing, value];
  else if (Array.isArray(existing)) existing.push(value);
}
