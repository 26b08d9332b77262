import type { CitizenAttributes } from '../../registry.ts';
import { parseReportedTrustLevel, type TrustLevel } from '../../trust-levels.ts';
import type { OidcOptions } from './options.ts';

const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

/** Standard OIDC claims → our attribute names. */
export function attributesFromClaims(claims: Record<string, unknown>): CitizenAttributes {
  const address = (claims.address ?? {}) as Record<string, unknown>;
  const a: CitizenAttributes = {};
  const put = (k: keyof CitizenAttributes, v: unknown) => {
    const s = str(v);
    if (s) a[k] = s;
  };
  put('givenName', claims.given_name);
  put('surname', claims.family_name);
  if (/^\d{4}-\d{2}-\d{2}$/.test(String(claims.birthdate ?? ''))) put('birthdate', claims.birthdate);
  put('street', address.street_address);
  put('postalCode', address.postal_code);
  put('locality', address.locality);
  put('country', str(address.country)?.toUpperCase());
  put('email', claims.email);
  return a;
}

/** The `acr` claim → trust level, via the configured values first, then the well-known names. */
export function trustLevelFromAcr(acr: unknown, options: OidcOptions): TrustLevel | undefined {
  if (typeof acr !== 'string') return undefined;
  for (const [level, value] of Object.entries(options.acr)) if (value === acr) return level as TrustLevel;
  return parseReportedTrustLevel(acr);
}
