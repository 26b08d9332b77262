import type { ServiceModules, TrustLevel } from '../tables.ts';

/** Trust levels as citizens read them. */
export const trustLevelLabels: Record<TrustLevel, string> = {
  none: 'Keine Anmeldung erforderlich',
  basisregistrierung: 'Basisregistrierung (Nutzerkonto mit bestätigter E-Mail-Adresse)',
  substantiell: 'Substanziell (zum Beispiel ELSTER-Zertifikat)',
  hoch: 'Hoch (Online-Ausweisfunktion des Personalausweises, eID)',
};

/** Description modules in the usual display order (FIM Stammtext), with the question-style headings portals use. */
export const moduleSections: { key: keyof ServiceModules; heading: string }[] = [
  { key: 'volltext', heading: 'Beschreibung' },
  { key: 'voraussetzungen', heading: 'Welche Voraussetzungen gibt es?' },
  { key: 'unterlagen', heading: 'Welche Unterlagen werden benötigt?' },
  { key: 'kosten', heading: 'Welche Gebühren fallen an?' },
  { key: 'verfahrensablauf', heading: 'Wie läuft das Verfahren ab?' },
  { key: 'bearbeitungsdauer', heading: 'Wie lange dauert die Bearbeitung?' },
  { key: 'fristen', heading: 'Welche Fristen muss ich beachten?' },
  { key: 'hinweise', heading: 'Was sollte ich noch wissen?' },
  { key: 'rechtsbehelf', heading: 'Welche Rechtsbehelfe gibt es?' },
  { key: 'rechtsgrundlage', heading: 'Rechtsgrundlagen' },
  { key: 'weiterfuehrende', heading: 'Weiterführende Informationen' },
];

/** "1000" → "10,00 €"; 0 → "gebührenfrei". */
export function formatFee(cents: number): string {
  if (cents === 0) return 'gebührenfrei';
  return `${(cents / 100).toLocaleString('de-DE', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} €`;
}

/** Keys of local catalog entries (Leistungsgruppierung 999, not allocated in the LeiKa; see seed/catalog/README.md). */
export function isLocalKey(leikaKey: string): boolean {
  return leikaKey.startsWith('99999');
}
