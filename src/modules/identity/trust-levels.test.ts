import { describe, expect, it } from 'vitest';
import { mapBundIdAttributes, normaliseAttributeName } from './providers/saml/bundid-attributes.ts';
import { meetsTrustLevel, parseReportedTrustLevel, storkLevelFor } from './trust-levels.ts';

describe('trust levels', () => {
  it('orders none < basisregistrierung < substantiell < hoch', () => {
    expect(meetsTrustLevel('hoch', 'substantiell')).toBe(true);
    expect(meetsTrustLevel('basisregistrierung', 'substantiell')).toBe(false);
    expect(meetsTrustLevel('basisregistrierung', 'none')).toBe(true);
  });

  it('maps to and from STORK-QAA, eIDAS LoA and AKDB names', () => {
    expect(storkLevelFor('substantiell')).toBe('STORK-QAA-Level-3');
    expect(storkLevelFor('none')).toBe('STORK-QAA-Level-1');
    expect(parseReportedTrustLevel('STORK-QAA-Level-2')).toBe('basisregistrierung');
    expect(parseReportedTrustLevel('STORK-QAA-Level-4')).toBe('hoch');
    expect(parseReportedTrustLevel('http://eidas.europa.eu/LoA/substantial')).toBe('substantiell');
    expect(parseReportedTrustLevel('NORMAL')).toBe('basisregistrierung');
    expect(parseReportedTrustLevel('irgendwas')).toBeUndefined();
  });
});

describe('BundID attribute mapping', () => {
  it('normalises "urn:oid: " with a space and maps bPK2, name, birth date, address and level', () => {
    expect(normaliseAttributeName('urn:oid: 2.5.4.42')).toBe('urn:oid:2.5.4.42');
    const m = mapBundIdAttributes({
      'urn:oid: 1.3.6.1.4.1.25484.494450.3': 'bpk2-wert',
      'urn:oid:2.5.4.42': ['Erika'],
      'urn:oid:1.2.40.0.10.2.1.1.55': '12.08.1964',
      'urn:oid:1.2.40.0.10.2.1.1.225599': 'de',
      'urn:oid: 1.2.40.0.10.2.1.1.261.94': 'STORK-QAA-Level-4',
      nameID: 'ignored',
    });
    expect(m).toEqual({
      pseudonym: 'bpk2-wert',
      reportedLevel: 'hoch',
      attributes: { givenName: 'Erika', birthdate: '1964-08-12', country: 'DE' },
    });
  });
});
