import type { DemoTenant } from './tenants.ts';

/** Legal pages of a demo tenant, in the structure German law asks for (DDG § 5, DSGVO Art. 13, BITV 2.0). */
export function legalTexts(t: DemoTenant): { impressum: string; datenschutz: string; barrierefreiheit: string } {
  const address = `${t.name}\n${t.street}\n${t.postcode} ${t.city}`;
  return {
    impressum: `## Herausgeber

${address}

Die ${t.name} ist eine Körperschaft des öffentlichen Rechts. Sie wird vertreten durch ${t.representative}.

## Kontakt

- Telefon: ${t.phone}
- E-Mail: ${t.email}

## Technischer Betrieb

Das Serviceportal wird mit der Plattform SAC im Auftrag der Kommune durch ihren kommunalen IT-Dienstleister betrieben.

## Hinweis

Dies ist ein Demonstrationssystem. Die Kontaktdaten sind Testdaten.`,
    datenschutz: `## Verantwortliche Stelle

${address}

## Datenschutzbeauftragte

Die behördliche Datenschutzbeauftragte erreichen Sie unter der oben genannten Anschrift mit dem Zusatz „Datenschutzbeauftragte“ oder per E-Mail an ${t.email}.

## Zwecke und Rechtsgrundlagen

Wir verarbeiten Ihre Angaben, um Ihren Antrag zu bearbeiten (Art. 6 Abs. 1 Buchst. e DSGVO in Verbindung mit dem jeweiligen Fachgesetz). Jeder Online-Antrag nennt die für ihn geltenden Rechtsgrundlagen.

## Empfänger

Ihre Angaben erhält die zuständige Stelle. Wenn Sie sich mit einem Nutzerkonto anmelden oder online bezahlen, werden die dafür nötigen Daten mit dem Nutzerkonto (zum Beispiel BundID) und dem Zahlungsdienstleister ausgetauscht.

## Speicherdauer

Entwürfe werden nach 30 Tagen gelöscht. Eingereichte Anträge werden im Serviceportal gelöscht, sobald die zuständige Stelle sie übernommen hat und die gesetzlichen Fristen abgelaufen sind.

## Cookies

Das Serviceportal verwendet nur technisch notwendige Cookies: ein Sitzungs-Cookie (für Ihre Anmeldung und den Schutz von Formularen) und ein Cookie für die gewählte Sprache. Es gibt keine Statistik- oder Werbe-Cookies.

## Ihre Rechte

Sie haben das Recht auf Auskunft, Berichtigung, Löschung, Einschränkung der Verarbeitung und Widerspruch (Art. 15 bis 21 DSGVO). Sie können sich beim Landesbeauftragten für den Datenschutz Sachsen-Anhalt beschweren.`,
    barrierefreiheit: `## Stand der Vereinbarkeit

Die ${t.name} ist bemüht, ihr Serviceportal im Einklang mit der Barrierefreie-Informationstechnik-Verordnung (BITV 2.0) barrierefrei zugänglich zu machen. Dieses Serviceportal ist mit der BITV 2.0 teilweise vereinbar.

## Nicht barrierefreie Inhalte

- Hochgeladene Dokumente von Antragstellerinnen und Antragstellern sind nicht in jedem Fall barrierefrei.
- Eine Übersetzung in Leichte Sprache und Gebärdensprache ist in Vorbereitung.

## Erstellung dieser Erklärung

Die Erklärung beruht auf einer Selbstbewertung mit automatisierten Prüfungen (axe-core) und Prüfungen mit der Tastatur.

## Schlichtungsverfahren

Wenn Sie auf Ihre Rückmeldung keine zufriedenstellende Antwort erhalten, können Sie sich an die Schlichtungsstelle bei der oder dem Beauftragten der Landesregierung für die Belange von Menschen mit Behinderungen in Sachsen-Anhalt wenden.`,
  };
}
