import { randomCode } from '../forms/drafts/random-code.ts';

/** Reference prefixes of the demo tenants; other tenants get the first two letters of their slug. */
const knownPrefixes: Record<string, string> = {
  magdeburg: 'MD',
  halberstadt: 'HBS',
  wernigerode: 'WR',
  unstruttal: 'UT',
};

/** The 2–3 letter prefix that tells a caseworker at a glance which municipality a reference belongs to. */
export function referencePrefix(tenantSlug: string): string {
  const known = knownPrefixes[tenantSlug];
  if (known) return known;
  const letters = tenantSlug.replace(/[^a-z]/g, '').toUpperCase();
  return (letters.slice(0, 2) || 'SAC').padEnd(2, 'X');
}

/** A new reference number such as `MD-7K3Q-9XF2`: prefix plus two groups of four unambiguous characters. */
export function newReferenceNumber(tenantSlug: string): string {
  return `${referencePrefix(tenantSlug)}-${randomCode(4)}-${randomCode(4)}`;
}

/** Whether a URL segment can be a reference number at all (cheap check before any lookup). */
export const isReferenceShaped = (value: string): boolean => /^[A-Z]{2,3}-[0-9A-Z]{4}-[0-9A-Z]{4}$/.test(value);
