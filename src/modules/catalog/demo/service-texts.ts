import type { ServiceModules } from '../tables.ts';
import { certificateTexts } from './certificate-texts.ts';
import { localServices } from './local-services.ts';

/** Demo description modules (realistic German texts for Sachsen-Anhalt; illustrative, not legal advice). */
export const demoServiceTexts: Record<string, ServiceModules> = {
  ...certificateTexts,
  '99110009104000': {
    teaser:
      'Wenn Sie einen Hund halten, müssen Sie ihn bei Ihrer Gemeinde anmelden. Die Anmeldung gilt zugleich für die Hundesteuer.',
    volltext:
      'In Sachsen-Anhalt müssen Hunde nach dem Hundegesetz (HundeG LSA) innerhalb von 14 Tagen angemeldet werden, wenn Sie einen Hund aufnehmen oder mit Ihrem Hund zuziehen. Die Gemeinde meldet die Angaben an das zentrale Hunderegister beim Landesverwaltungsamt.\n\nMit der Anmeldung wird auch die Hundesteuer festgesetzt. Den Steuerbescheid erhalten Sie getrennt.',
    voraussetzungen:
      '- Der Hund ist mit einem Transponder (Mikrochip) gekennzeichnet.\n- Für den Hund besteht eine Haftpflichtversicherung.\n- Sie haben Ihren Wohnsitz in der Gemeinde.',
    unterlagen:
      '- 15-stellige Kennnummer des Transponders\n- Bescheinigung der Haftpflichtversicherung\n- Angaben zu Rasse oder Kreuzung, Geschlecht und Geburtsdatum des Hundes\n- bei gefährlichen Hunden: Erlaubnis nach dem HundeG LSA',
    kosten:
      'Die Anmeldung selbst ist gebührenfrei. Die Hundesteuer richtet sich nach der Hundesteuersatzung Ihrer Gemeinde.',
    bearbeitungsdauer:
      'Sie erhalten die Bestätigung in der Regel innerhalb von zwei Wochen, den Hundesteuerbescheid danach.',
    fristen: 'Innerhalb von 14 Tagen nach Aufnahme des Hundes oder nach dem Zuzug.',
    hinweise: 'Verstöße gegen die Anmeldepflicht können mit einem Bußgeld geahndet werden.',
  },
  '99110009070000': {
    teaser: 'Wenn Sie Ihren Hund abgeben, er verstorben ist oder Sie wegziehen, melden Sie ihn bei Ihrer Gemeinde ab.',
    volltext:
      'Mit der Abmeldung endet auch die Hundesteuerpflicht. Bei einer Abgabe nennen Sie das Datum der Übergabe; bei gefährlichen Hunden zusätzlich Name und Anschrift der neuen Halterin oder des neuen Halters.',
    unterlagen:
      '- Steuernummer oder Aktenzeichen der Hundesteuer, falls zur Hand\n- Datum der Abgabe, des Todes oder des Wegzugs\n- bei Abgabe eines gefährlichen Hundes: Name und Anschrift der neuen Halterin oder des neuen Halters',
    kosten: 'Die Abmeldung ist gebührenfrei.',
    fristen: 'Innerhalb von 14 Tagen nach dem Ende der Hundehaltung.',
  },
  '99050012104000': {
    teaser:
      'Wer ein Gewerbe beginnt, muss es beim Gewerbeamt anzeigen. Sie erhalten eine Bestätigung, den Gewerbeschein.',
    volltext:
      'Die Gewerbeanmeldung ist nach § 14 Gewerbeordnung Pflicht für jede selbstständige, auf Dauer angelegte Tätigkeit mit Gewinnerzielungsabsicht. Das Gewerbeamt informiert automatisch das Finanzamt, die Industrie- und Handelskammer oder Handwerkskammer und weitere Stellen.',
    voraussetzungen:
      '- Sie sind volljährig oder haben die Genehmigung des Familiengerichts.\n- Für erlaubnispflichtige Gewerbe (zum Beispiel Gaststätten, Bewachung, Makler) liegt die Erlaubnis vor.',
    unterlagen:
      '- gültiger Personalausweis oder Reisepass\n- bei juristischen Personen: Auszug aus dem Handelsregister\n- bei erlaubnispflichtigen Tätigkeiten: die Erlaubnis\n- bei Handwerk: Eintragung in die Handwerksrolle',
    kosten: 'Die Gebühr beträgt 26 Euro nach der Allgemeinen Gebührenordnung des Landes Sachsen-Anhalt.',
    bearbeitungsdauer: 'In der Regel erhalten Sie die Bestätigung innerhalb von einer Woche.',
    fristen: 'Gleichzeitig mit dem Beginn der Tätigkeit.',
    hinweise:
      'Freie Berufe (zum Beispiel Ärztinnen, Rechtsanwälte, Künstlerinnen) sind kein Gewerbe und werden nicht beim Gewerbeamt angemeldet.',
  },
  ...Object.fromEntries(localServices.map((s) => [s.row.leikaKey, s.modules])),
};

/** Editorial weights: the popular services come first in lists and among equal search matches. */
export const demoPopularity: Record<string, number> = {
  '99027002012000': 100,
  '99110009104000': 90,
  '99050012104000': 80,
  '99059004012000': 70,
  '99101004012000': 60,
  '99110009070000': 50,
  '99079003012000': 40,
  '99008001012000': 95,
  '99085001012000': 85,
  '99115005104000': 98,
};
