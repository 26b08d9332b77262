/**
 * Trust levels (Vertrauensniveaus) of a citizen login, ordered `none < basisregistrierung < substantiell
 * < hoch`, and how they map to the protocols: STORK-QAA levels for SAML/BundID, eIDAS LoA URIs, and
 * `acr` values for OpenID Connect.
 */
export const trustLevels = ['none', 'basisregistrierung', 'substantiell', 'hoch'] as const;
export type TrustLevel = (typeof trustLevels)[number];

export function isTrustLevel(value: unknown): value is TrustLevel {
  return typeof value === 'string' && (trustLevels as readonly string[]).includes(value);
}

/** True when `actual` reaches `required`. */
export function meetsTrustLevel(actual: TrustLevel, required: TrustLevel): boolean {
  return trustLevels.indexOf(actual) >= trustLevels.indexOf(required);
}

/** STORK-QAA class refs BundID uses: level 1 Basisregistrierung, 3 substantiell, 4 hoch. */
const storkByLevel: Record<Exclude<TrustLevel, 'none'>, string> = {
  basisregistrierung: 'STORK-QAA-Level-1',
  substantiell: 'STORK-QAA-Level-3',
  hoch: 'STORK-QAA-Level-4',
};

export function storkLevelFor(level: TrustLevel): string {
  return storkByLevel[level === 'none' ? 'basisregistrierung' : level];
}

/**
 * Reads a level an IdP reported: STORK-QAA-Level-N, eIDAS LoA URIs (Dataport family), AKDB names or
 * our own names. Level 2 ("NORMAL") counts as Basisregistrierung. Unknown values give undefined.
 */
export function parseReportedTrustLevel(value: unknown): TrustLevel | undefined {
  if (typeof value !== 'string') return undefined;
  const v = value.trim().toLowerCase();
  const stork = /stork-qaa-level-([1-4])$/.exec(v);
  if (stork)
    return (['basisregistrierung', 'basisregistrierung', 'substantiell', 'hoch'] as const)[Number(stork[1]) - 1];
  const eidas = /^http:\/\/eidas\.europa\.eu\/loa\/(low|substantial|high)$/.exec(v);
  if (eidas)
    return ({ low: 'basisregistrierung', substantial: 'substantiell', high: 'hoch' } as const)[eidas[1] as 'low'];
  if (v === 'untergeordnet' || v === 'normal') return 'basisregistrierung';
  if (isTrustLevel(v)) return v;
  return undefined;
}

/** German names for pages. */
export const trustLevelNames: Record<TrustLevel, string> = {
  none: 'keine Anmeldung',
  basisregistrierung: 'Basisregistrierung',
  substantiell: 'substantiell',
  hoch: 'hoch',
};

/** Which login methods reach a level, in words a citizen understands (for the step-up page). */
export const loginMethodsFor: Record<Exclude<TrustLevel, 'none'>, string[]> = {
  basisregistrierung: [
    'Benutzername und Passwort',
    'ELSTER-Zertifikat',
    'Online-Ausweis (Personalausweis mit Online-Ausweisfunktion, eID-Karte, elektronischer Aufenthaltstitel)',
  ],
  substantiell: [
    'ELSTER-Zertifikat',
    'Online-Ausweis (Personalausweis mit Online-Ausweisfunktion, eID-Karte, elektronischer Aufenthaltstitel)',
  ],
  hoch: ['Online-Ausweis (Personalausweis mit Online-Ausweisfunktion, eID-Karte, elektronischer Aufenthaltstitel)'],
};
