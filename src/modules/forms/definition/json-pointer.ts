/** RFC 6901 pointer for a path of keys and indexes, e.g. `/steps/2/fields/0/type`. */
export function toPointer(path: readonly PropertyKey[]): string {
  return path.map((key) => `/${String(key).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}
