import { describe, expect, it } from 'vitest';
import { slugify, uniqueSlug } from './slug.ts';

describe('slugs', () => {
  it('transliterates German names', () => {
    expect(slugify('Geburtsurkunde Ausstellung')).toBe('geburtsurkunde-ausstellung');
    expect(slugify('Flurstück (Änderung) – Größe')).toBe('flurstueck-aenderung-groesse');
  });

  it('appends the key when a name repeats', () => {
    const taken = new Set<string>();
    expect(uniqueSlug('Approbation', '99150002000000', taken)).toBe('approbation');
    expect(uniqueSlug('Approbation', '99018027000000', taken)).toBe('approbation-99018027000000');
  });

  it('keeps slugs short', () => {
    expect(slugify('Wort '.repeat(60)).length).toBeLessThanOrEqual(120);
  });
});
