import type { CitizenAttributes } from '../../registry.ts';
import { parseReportedTrustLevel, type TrustLevel } from '../../trust-levels.ts';

/** BundID attribute OIDs (research/standards.md §6.1). */
export const bundIdOids = {
  bpk2: 'urn:oid:1.3.6.1.4.1.25484.494450.3',
  givenName: 'urn:oid:2.5.4.42',
  surname: 'urn:oid:2.5.4.4',
  birthdate: 'urn:oid:1.2.40.0.10.2.1.1.55',
  street: 'urn:oid:2.5.4.16',
  postalCode: 'urn:oid:2.5.4.17',
  locality: 'urn:oid:2.5.4.7',
  country: 'urn:oid:1.2.40.0.10.2.1.1.225599',
  mail: 'urn:oid:0.9.2342.19200300.100.1.3',
  trustLevel: 'urn:oid:1.2.40.0.10.2.1.1.261.94',
} as const;

/** Simulators send `urn:oid: 2.5.4.42` with a space; treat it like `urn:oid:2.5.4.42`. */
export function normaliseAttributeName(name: string): string {
  return name.trim().replace(/^urn:oid:\s+/i, 'urn:oid:');
}

function first(value: unknown): string | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  if (typeof v === 'string') return v.trim() || undefined;
  if (v && typeof v === 'object' && '_' in v && typeof (v as { _: unknown })._ === 'string')
    return (v as { _: string })._.trim();
  return undefined;
}

/** Accepts YYYY-MM-DD or DD.MM.YYYY; anything else is dropped rather than guessed. */
function isoDate(value: string | undefined): string | undefined {
  if (!value) return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const de = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(value);
  return de ? `${de[3]}-${de[2]}-${de[1]}` : undefined;
}

export interface MappedAssertion {
  pseudonym: string | undefined;
  reportedLevel: TrustLevel | undefined;
  attributes: CitizenAttributes;
}

/** Maps SAML attributes (keyed by OID, possibly with the stray space) to our attribute names. */
export function mapBundIdAttributes(raw: Record<string, unknown>): MappedAssertion {
  const byOid = new Map<string, unknown>();
  for (const [k, v] of Object.entries(raw))
    if (k.toLowerCase().startsWith('urn:oid:')) byOid.set(normaliseAttributeName(k), v);
  const get = (oid: string) => first(byOid.get(oid));
  const attributes: CitizenAttributes = {};
  const put = (key: keyof CitizenAttributes, value: string | undefined) => {
    if (value) attributes[key] = value;
  };
  put('givenName', get(bundIdOids.givenName));
  put('surname', get(bundIdOids.surname));
  put('birthdate', isoDate(get(bundIdOids.birthdate)));
  put('street', get(bundIdOids.street));
  put('postalCode', get(bundIdOids.postalCode));
  put('locality', get(bundIdOids.locality));
  put('country', get(bundIdOids.country)?.toUpperCase());
  put('email', get(bundIdOids.mail));
  return {
    pseudonym: get(bundIdOids.bpk2),
    reportedLevel: parseReportedTrustLevel(get(bundIdOids.trustLevel)),
    attributes,
  };
}
