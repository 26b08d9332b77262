import type { CatalogRow } from '../csv/catalog-row.ts';
import type { ServiceModules } from '../tables.ts';

/**
 * Local catalog entries for municipal services without a federal LeiKa key. They use Leistungsgruppierung
 * 999, which the LeiKa does not allocate (no key in the shipped catalog starts with 99999), so they cannot
 * collide with a federal key. See seed/catalog/README.md.
 */
export const localServices: { row: CatalogRow; modules: ServiceModules }[] = [
  {
    row: {
      line: 0,
      leikaKey: '99999001079000',
      name: 'Begrüßungsgeld für Neugeborene Auszahlung',
      leistungstyp: '5',
      rechtsgrundlage: null,
      ozgLeistungId: null,
      ozgLeistungName: 'Lokale Leistung (ohne LeiKa-Schlüssel)',
      lebenslage: 'Geburt',
      themenfeld: 'Familie & Kind',
    },
    modules: {
      teaser:
        'Die Stadt Wernigerode begrüßt jedes neugeborene Kind mit einem Begrüßungsgeld. Sie können es online beantragen.',
      volltext:
        'Mit dem Begrüßungsgeld heißt die Stadt Wernigerode neugeborene Kinder willkommen und unterstützt Familien in den ersten Lebensmonaten. Das Begrüßungsgeld beträgt 100 Euro je Kind und wird auf das angegebene Konto überwiesen.',
      voraussetzungen:
        '- Das Kind ist mit Hauptwohnsitz in Wernigerode gemeldet.\n- Sie leben mit dem Kind in einem Haushalt und sind sorgeberechtigt.',
      unterlagen: '- Geburtsurkunde des Kindes (oder die Angaben daraus)\n- Ihre Bankverbindung (IBAN)',
      kosten: 'Der Antrag ist gebührenfrei.',
      bearbeitungsdauer: 'Etwa zwei bis drei Wochen.',
      fristen: 'Bis zum ersten Geburtstag des Kindes.',
      rechtsgrundlage:
        'Richtlinie der Stadt Wernigerode über die Gewährung eines Begrüßungsgeldes für Neugeborene (Demo)',
      hinweise: 'Dies ist eine freiwillige Leistung der Stadt. Ein Rechtsanspruch besteht nicht.',
    },
  },
];
