/** Languages of the page chrome. Content (service texts, assistants) carries its own translations. */
export type Lang = 'de' | 'en';
export const languages: readonly Lang[] = ['de', 'en'];

const de = {
  skipLink: 'Zum Inhalt springen',
  officialSite: 'Offizielle Website',
  serviceNav: 'Service-Navigation',
  breadcrumbs: 'Sie sind hier',
  home: 'Startseite',
  portalsHome: 'Alle Kommunen',
  footerNav: 'Rechtliches und Kontakt',
  impressum: 'Impressum',
  datenschutz: 'Datenschutzerklärung',
  barrierefreiheit: 'Erklärung zur Barrierefreiheit',
  reportBarrier: 'Barriere melden',
  phone115: 'Behördennummer 115',
  phone115Hours: 'Montag bis Freitag, 8 bis 18 Uhr',
  switchLanguage: 'English',
  switchLanguageLabel: 'Sprache wechseln',
  searchLabel: 'Was möchten Sie erledigen?',
  searchHint: 'Zum Beispiel: Geburtsurkunde, Hund anmelden, Gewerbe anmelden',
  searchButton: 'Suchen',
  operatorTitle: 'Serviceportale der Kommunen',
  operatorIntro: 'Wählen Sie Ihre Kommune, um deren Online-Dienste zu nutzen.',
  onlineServices: 'Online-Dienste',
  lebenslagen: 'Lebenslagen',
  themenfelder: 'Themenfelder',
  allServices: 'Alle Leistungen',
  results: 'Suchergebnisse',
  online: 'Online verfügbar',
  applyOnline: 'Online beantragen',
  page: 'Seite',
  previous: 'Vorherige Seite',
  next: 'Nächste Seite',
  pagination: 'Seitennavigation',
  backTo: 'Zurück zur Startseite',
  notFoundTitle: 'Seite nicht gefunden',
  contact: 'Kontakt',
  openingHours: 'Öffnungszeiten',
  address: 'Anschrift',
  responsibleOffice: 'Zuständige Stelle',
  fee: 'Gebühr',
  trustLevel: 'Erforderliches Vertrauensniveau',
  leikaKey: 'Leistungsschlüssel',
  testSystem: 'Testsystem',
} as const;

export type MessageKey = keyof typeof de;

const en: Record<MessageKey, string> = {
  skipLink: 'Skip to content',
  officialSite: 'Official website',
  serviceNav: 'Service navigation',
  breadcrumbs: 'You are here',
  home: 'Home',
  portalsHome: 'All municipalities',
  footerNav: 'Legal information and contact',
  impressum: 'Legal notice (Impressum)',
  datenschutz: 'Privacy policy',
  barrierefreiheit: 'Accessibility statement',
  reportBarrier: 'Report an accessibility barrier',
  phone115: 'Public service number 115',
  phone115Hours: 'Monday to Friday, 8 am to 6 pm',
  switchLanguage: 'Deutsch',
  switchLanguageLabel: 'Change language',
  searchLabel: 'What would you like to do?',
  searchHint: 'For example: Geburtsurkunde (birth certificate), Hund anmelden (register a dog)',
  searchButton: 'Search',
  operatorTitle: 'Municipal service portals',
  operatorIntro: 'Choose your municipality to use its online services.',
  onlineServices: 'Online services',
  lebenslagen: 'Life events',
  themenfelder: 'Topics',
  allServices: 'All services',
  results: 'Search results',
  online: 'Available online',
  applyOnline: 'Apply online',
  page: 'Page',
  previous: 'Previous page',
  next: 'Next page',
  pagination: 'Pagination',
  backTo: 'Back to the home page',
  notFoundTitle: 'Page not found',
  contact: 'Contact',
  openingHours: 'Opening hours',
  address: 'Address',
  responsibleOffice: 'Responsible office',
  fee: 'Fee',
  trustLevel: 'Required level of assurance',
  leikaKey: 'Service key (LeiKa)',
  testSystem: 'Test system',
};

const dictionaries: Record<Lang, Record<MessageKey, string>> = { de, en };

export function t(lang: Lang, key: MessageKey): string {
  return dictionaries[lang][key];
}

export function isLang(value: unknown): value is Lang {
  return value === 'de' || value === 'en';
}
