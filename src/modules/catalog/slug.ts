const maxSlugLength = 120;

/** URL slug from a German service name: "Geburtsurkunde Ausstellung" → "geburtsurkunde-ausstellung". */
export function slugify(name: string): string {
  const base = name
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (base.length <= maxSlugLength) return base || 'leistung';
  const cut = base.slice(0, maxSlugLength);
  return cut.slice(0, cut.lastIndexOf('-') > 40 ? cut.lastIndexOf('-') : maxSlugLength);
}

/**
 * A slug not yet in `taken`: the plain name slug, else the name slug with the LeiKa key appended
 * (names repeat across groups, e.g. "Approbation"). Adds the result to `taken`.
 */
export function uniqueSlug(name: string, leikaKey: string, taken: Set<string>): string {
  let slug = slugify(name);
  if (taken.has(slug) || /^99\d{12}$/.test(slug)) slug = `${slug}-${leikaKey}`;
  taken.add(slug);
  return slug;
}
