import { describe, expect, it } from 'vitest';
import { prefixTsQuery, queryTerms } from './query-terms.ts';

describe('queryTerms', () => {
  it('keeps only letters and digits, lower-cased', () => {
    expect(queryTerms(`'; drop table services; --<script>alert(1)</script>`)).toEqual([
      'drop',
      'table',
      'services',
      'script',
      'alert',
      '1',
      'script',
    ]);
    expect(queryTerms('Hund & Katze | !Maus:*')).toEqual(['hund', 'katze', 'maus']);
    expect(queryTerms('Größe Übersicht')).toEqual(['größe', 'übersicht']);
  });

  it('caps the query length and the number of terms', () => {
    expect(queryTerms('a'.repeat(10_000))).toEqual(['a'.repeat(40)]);
    expect(queryTerms('x '.repeat(100))).toHaveLength(8);
  });

  it('builds prefix tsqueries', () => {
    expect(prefixTsQuery(['gewerbe', 'anmelden'], 'and')).toBe('gewerbe:* & anmelden:*');
    expect(prefixTsQuery(['gewerbe', 'anmelden'], 'or')).toBe('gewerbe:* | anmelden:*');
  });
});
