import type { Citizen } from '../../identity/citizen-session.ts';
import { meetsTrustLevel } from '../../identity/trust-levels.ts';
import type { Language } from '../definition/types.ts';
import type { DraftPrefillSource, DraftState } from '../drafts/draft-state.ts';
import type { PrefillIdentity } from '../drafts/initial-state.ts';
import { valueFingerprint } from '../drafts/initial-state.ts';
import type { Answers, RawObject, RawValue } from '../engine/index.ts';

/** "Heidestraße 17", "Am Markt 3 a", "Lange Str. 12-14" → street and house number; undefined if none. */
export function splitStreet(line: string): { strasse: string; hausnummer?: string } {
  const m = /^(.*\S)\s+(\d+\s?[a-zA-Z]?(?:\s?[-/]\s?\d+\s?[a-zA-Z]?)?)$/.exec(line.trim());
  return m ? { strasse: m[1]!, hausnummer: m[2]!.replace(/\s+/g, ' ') } : { strasse: line.trim() };
}

/**
 * The identity attributes under the names definitions use in `prefill` (FIM `vorbefuellung`):
 * `givenName`, `familyName`/`surname`, `birthDate`, `email`, `country`, and `address` (an address
 * value: Straße, Hausnummer, PLZ, Ort) plus its parts `address.street`, `address.houseNumber`,
 * `address.postalCode`, `address.locality`.
 */
export function prefillAttributes(citizen: Citizen): Record<string, RawValue> {
  const a = citizen.attributes;
  const out: Record<string, RawValue> = {};
  const put = (key: string, value: RawValue | undefined) => {
    if (value !== undefined && value !== '') out[key] = value;
  };
  put('givenName', a.givenName);
  put('familyName', a.surname);
  put('surname', a.surname);
  put('birthDate', a.birthdate);
  put('birthdate', a.birthdate);
  put('email', a.email);
  put('country', a.country);
  if (a.street || a.postalCode || a.locality) {
    const street = a.street ? splitStreet(a.street) : undefined;
    const address: RawObject = {};
    if (street?.strasse) address.strasse = street.strasse;
    if (street?.hausnummer) address.hausnummer = street.hausnummer;
    if (a.postalCode) address.plz = a.postalCode;
    if (a.locality) address.ort = a.locality;
    put('address', address);
    put('address.street', street?.strasse);
    put('address.houseNumber', street?.hausnummer);
    put('address.postalCode', a.postalCode);
    put('address.locality', a.locality);
  }
  return out;
}

/**
 * Values from a login at `substantiell` or `hoch` are identity-verified (eID, ELSTER): they are locked.
 * A Basisregistrierung holds what the citizen typed in themselves, so those values stay editable.
 */
export function isVerifiedLogin(citizen: Citizen): boolean {
  return meetsTrustLevel(citizen.trustLevel, 'substantiell');
}

export function prefillIdentityOf(citizen: Citizen): PrefillIdentity {
  return {
    provider: citizen.provider,
    providerLabel: citizen.providerLabel,
    trustLevel: citizen.trustLevel,
    attributes: prefillAttributes(citizen),
    lock: isVerifiedLogin(citizen),
  };
}

/** The note next to a locked value, e.g. "Aus Ihrem Nutzerkonto (BundID, eID) übernommen". */
export function lockedNote(source: DraftPrefillSource, lang: Language): string {
  const account = /bundid/i.test(source.providerLabel) ? 'BundID' : source.providerLabel;
  const method =
    source.trustLevel === 'hoch' ? 'eID' : lang === 'en' ? 'level substantial' : 'Vertrauensniveau substantiell';
  return lang === 'en'
    ? `Taken from your user account (${account}, ${method})`
    : `Aus Ihrem Nutzerkonto (${account}, ${method}) übernommen`;
}

/**
 * What the submission records: for each pre-filled field still holding the value from the login, the
 * provider, level and whether it was locked. Values the citizen changed are their own.
 */
export function submittedPrefillSources(state: DraftState, answers: Answers) {
  const out: Record<string, { provider: string; trustLevel: string; locked: boolean }> = {};
  for (const [fieldId, source] of Object.entries(state.prefillSources ?? {})) {
    if (answers[fieldId] === undefined) continue;
    if (!source.locked && valueFingerprint(answers[fieldId]) !== source.fingerprint) continue;
    out[fieldId] = { provider: source.provider, trustLevel: source.trustLevel, locked: source.locked };
  }
  return out;
}
