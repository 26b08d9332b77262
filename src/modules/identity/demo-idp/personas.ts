import { createHash } from 'node:crypto';
import type { CitizenAttributes } from '../registry.ts';
import type { TrustLevel } from '../trust-levels.ts';

/** A test person the demo IdP can log in as. */
export interface DemoPersona {
  id: string;
  label: string;
  description: string;
  trustLevel: Exclude<TrustLevel, 'none'>;
  /** What the IdP reports as the login method (urn:oid:1.3.6.1.4.1.25484.494450.2). */
  method: string;
  attributes: CitizenAttributes;
}

/** The personas of PRODUCT.md: Erika (eID, hoch, full address) and Max (Basisregistrierung, e-mail only). */
export const demoPersonas: DemoPersona[] = [
  {
    id: 'erika',
    label: 'Erika Mustermann',
    description: 'Online-Ausweis (eID), Vertrauensniveau hoch, mit Anschrift und Geburtsdatum',
    trustLevel: 'hoch',
    method: 'eID',
    attributes: {
      givenName: 'Erika',
      surname: 'Mustermann',
      birthdate: '1964-08-12',
      street: 'Heidestraße 17',
      postalCode: '51147',
      locality: 'Köln',
      country: 'DE',
      email: 'erika.mustermann@example.org',
    },
  },
  {
    id: 'max',
    label: 'Max Mustermann',
    description: 'Benutzername und Passwort, Vertrauensniveau Basisregistrierung, nur E-Mail-Adresse',
    trustLevel: 'basisregistrierung',
    method: 'Benutzername',
    attributes: { email: 'max.mustermann@example.org' },
  },
];

/**
 * A stable pseudonym per IdP and person, like a bPK2: the same person gets the same value from the same
 * IdP every time, and different values from different IdPs.
 */
export function demoPseudonym(idpEntityId: string, personKey: string): string {
  return createHash('sha256').update(`${idpEntityId}\n${personKey}`).digest('base64');
}
