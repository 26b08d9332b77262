/** Longest query text that is looked at; the rest is ignored (a 10,000-character query is no error). */
export const maxQueryLength = 200;
const maxTerms = 8;
const maxTermLength = 40;

/**
 * Splits what a visitor typed into search terms made only of letters and digits. Nothing else ever
 * reaches SQL, so tsquery operators (`&`, `|`, `!`, `:`), quotes and markup are simply separators.
 */
export function queryTerms(query: string): string[] {
  return query
    .slice(0, maxQueryLength)
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length > 0)
    .slice(0, maxTerms)
    .map((t) => t.slice(0, maxTermLength));
}

/** A `to_tsquery` text: each term as a prefix (`hund:*`), joined by AND or OR. */
export function prefixTsQuery(terms: string[], join: 'and' | 'or'): string {
  return terms.map((t) => `${t}:*`).join(join === 'and' ? ' & ' : ' | ');
}
