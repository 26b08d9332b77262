/** HTML id for a form name: `hunde[0][name]` → `hunde-0-name`, `geburtsdatum[tag]` → `geburtsdatum-tag`. */
export function idFor(name: string): string {
  return `f-${name.replace(/\]\[|\[|\]/g, '-').replace(/-+$/, '')}`;
}

/** Id of a field's hint and error texts, for `aria-describedby`. */
export const hintId = (name: string) => `${idFor(name)}-hinweis`;
export const errorId = (name: string) => `${idFor(name)}-fehler`;

/** `aria-describedby` from the ids that exist (hint, error), or undefined. */
export function describedBy(name: string, hasHint: boolean, hasError: boolean): string | undefined {
  const ids = [hasHint ? hintId(name) : '', hasError ? errorId(name) : ''].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}
