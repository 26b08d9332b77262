// Vitest-free on purpose: test/pdf/fixtures.ts (used by bench/pdf.ts) shares it.

/** A nested form post as a citizen's browser would send it, before flattening. */
export type PostValue = string | string[] | { [key: string]: PostValue } | { [key: string]: PostValue }[];
export type Post = Record<string, PostValue>;

/** Flattens a nested post into urlencoded name/value pairs, e.g. `hunde[0][geburtsdatum][tag]`. */
export function toBody(post: Post): [string, string][] {
  const pairs: [string, string][] = [];
  const walk = (name: string, value: PostValue) => {
    if (typeof value === 'string') pairs.push([name, value]);
    else if (Array.isArray(value)) {
      value.forEach((entry, index) => {
        if (typeof entry === 'string') pairs.push([name, entry]);
        else walk(`${name}[${index}]`, entry);
      });
    } else for (const [key, inner] of Object.entries(value)) walk(`${name}[${key}]`, inner);
  };
  for (const [key, value] of Object.entries(post)) walk(key, value);
  return pairs;
}
