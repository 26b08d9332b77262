import type { TrustLevel } from '../trust-levels.ts';
import type { DemoOidcSubject } from './personas.ts';

/** eIDAS level-of-assurance URIs the demo provider reports as `acr` (what the OIDC plug-in expects by default). */
export const acrByLevel: Record<Exclude<TrustLevel, 'none'>, string> = {
  basisregistrierung: 'http://eidas.europa.eu/LoA/low',
  substantiell: 'http://eidas.europa.eu/LoA/substantial',
  hoch: 'http://eidas.europa.eu/LoA/high',
};

/** The `acr` of a subject: its trust level for citizens, `low` for staff (password at the municipality). */
export function acrOf(subject: DemoOidcSubject): string {
  return subject.kind === 'citizen' ? acrByLevel[subject.trustLevel] : acrByLevel.basisregistrierung;
}

/** Profile claims (standard OIDC names) for the userinfo endpoint and, for staff, the ID token. */
export function profileClaims(subject: DemoOidcSubject): Record<string, unknown> {
  if (subject.kind === 'staff') return { email: subject.email, email_verified: true, name: subject.name };
  const a = subject.attributes;
  const claims: Record<string, unknown> = {};
  if (a.givenName) claims.given_name = a.givenName;
  if (a.surname) claims.family_name = a.surname;
  if (a.givenName || a.surname) claims.name = [a.givenName, a.surname].filter(Boolean).join(' ');
  if (a.birthdate) claims.birthdate = a.birthdate;
  if (a.street || a.postalCode || a.locality) {
    const address: Record<string, string> = {};
    if (a.street) address.street_address = a.street;
    if (a.postalCode) address.postal_code = a.postalCode;
    if (a.locality) address.locality = a.locality;
    if (a.country) address.country = a.country;
    claims.address = address;
  }
  if (a.email) {
    claims.email = a.email;
    claims.email_verified = true;
  }
  return claims;
}

/** Faults a tester can ask the provider to build into the ID token (to see the client refuse it). */
export const demoFaults = {
  keiner: 'Kein Fehler (normale Anmeldung)',
  iss: 'Falscher Aussteller (iss)',
  aud: 'Falsche Zielgruppe (aud)',
  exp: 'Abgelaufenes ID-Token (exp)',
  nonce: 'Falscher nonce',
} as const;
export type DemoFault = keyof typeof demoFaults;
export const isDemoFault = (v: unknown): v is DemoFault => typeof v === 'string' && Object.hasOwn(demoFaults, v);
