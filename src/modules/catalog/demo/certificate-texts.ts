import type { ServiceModules } from '../tables.ts';

/** Shared description of the Personenstandsurkunden (demo texts, Sachsen-Anhalt fees per AllGO LSA). */
function certificateModules(kind: string, register: string, event: string, entitled: string): ServiceModules {
  return {
    teaser: `Eine ${kind} erhalten Sie beim Standesamt, das den ${event} beurkundet hat. Sie können sie online bestellen und bekommen sie per Post.`,
    volltext: `Die ${kind} ist ein Auszug aus dem ${register}. Sie brauchen sie zum Beispiel für Behörden, Versicherungen, die Rentenversicherung oder eine Eheschließung.\n\nZuständig ist immer das Standesamt, in dessen Bezirk der ${event} beurkundet wurde – nicht das Standesamt Ihres Wohnorts.`,
    voraussetzungen: `Eine ${kind} erhalten nur Personen, auf die sich der Eintrag bezieht, sowie ${entitled}. Andere Personen müssen ein rechtliches Interesse glaubhaft machen.`,
    unterlagen:
      '- gültiger Personalausweis oder Reisepass\n- bei Bestellung für eine andere Person: Vollmacht und Ausweiskopie der vertretenen Person\n- bei rechtlichem Interesse: ein Nachweis dieses Interesses',
    kosten:
      'Die Gebühr richtet sich nach der Allgemeinen Gebührenordnung des Landes Sachsen-Anhalt (AllGO LSA): 10 Euro für die erste Urkunde, 5 Euro für jede weitere gleichzeitig beantragte Urkunde desselben Eintrags. Für Zwecke der Rentenversicherung, des Elterngeldes oder des Kindergeldes ist die Urkunde gebührenfrei.',
    verfahrensablauf:
      '- Sie stellen den Antrag online, schriftlich oder persönlich beim Standesamt.\n- Das Standesamt prüft Ihre Berechtigung.\n- Nach Eingang der Gebühr wird die Urkunde ausgestellt und per Post versandt.',
    bearbeitungsdauer:
      'In der Regel 3 bis 5 Arbeitstage nach Eingang der Zahlung. Bei älteren Einträgen, die im Archiv liegen, kann es länger dauern.',
    fristen:
      'Es gibt keine Frist. Achten Sie darauf, wie aktuell die Urkunde für Ihren Zweck sein muss – manche Stellen verlangen eine Urkunde, die nicht älter als sechs Monate ist.',
    hinweise:
      'Für Verwendung im Ausland gibt es eine mehrsprachige (internationale) Urkunde. Fragen Sie die Stelle, der Sie die Urkunde vorlegen, welche Form sie benötigt.',
  };
}

export const certificateTexts: Record<string, ServiceModules> = {
  '99027002012000': certificateModules(
    'Geburtsurkunde',
    'Geburtenregister',
    'Geburtsfall',
    'deren Ehegatten, Eltern, Kinder und Enkel',
  ),
  '99059004012000': certificateModules('Eheurkunde', 'Eheregister', 'Eheschließung', 'deren Eltern, Kinder und Enkel'),
  '99079003012000': certificateModules(
    'Lebenspartnerschaftsurkunde',
    'Lebenspartnerschaftsregister',
    'Begründung der Lebenspartnerschaft',
    'deren Eltern, Kinder und Enkel',
  ),
  '99101004012000': certificateModules(
    'Sterbeurkunde',
    'Sterberegister',
    'Sterbefall',
    'deren Ehegatten, Lebenspartner, Eltern, Kinder und Enkel',
  ),
};
