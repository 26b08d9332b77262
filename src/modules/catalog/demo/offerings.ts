import type { TrustLevel } from '../tables.ts';

/** One demo offering: which service (LeiKa key), how, and which office (by slug) is responsible. */
export interface DemoOffering {
  key: string;
  online: boolean;
  assistantId: string | null;
  office: string;
  feeCents: number | null;
  feeText: string | null;
  trustLevel: TrustLevel;
  anonymousAllowed: boolean;
}

const certificateKeys = ['99027002012000', '99059004012000', '99079003012000', '99101004012000'];

function certificates(office: string, trustLevel: TrustLevel = 'basisregistrierung'): DemoOffering[] {
  return certificateKeys.map((key) => ({
    key,
    online: true,
    assistantId: 'urkundenbestellung',
    office,
    feeCents: 1000,
    feeText: 'je Urkunde; jede weitere gleichzeitig beantragte Urkunde 5 € (AllGO LSA)',
    trustLevel,
    anonymousAllowed: false,
  }));
}

function dogs(office: string): DemoOffering[] {
  const base = { online: true, office, feeCents: 0, trustLevel: 'basisregistrierung' as const, anonymousAllowed: true };
  return [
    {
      ...base,
      key: '99110009104000',
      assistantId: 'hundeanmeldung',
      feeText: 'Die Hundesteuer wird gesondert festgesetzt.',
    },
    { ...base, key: '99110009070000', assistantId: 'hundeabmeldung', feeText: null },
  ];
}

function trade(office: string, online: boolean): DemoOffering {
  return {
    key: '99050012104000',
    online,
    assistantId: online ? 'gewerbeanmeldung' : null,
    office,
    feeCents: 2600,
    feeText: 'Gebühr für die Gewerbeanzeige (AllGO LSA)',
    trustLevel: 'substantiell',
    anonymousAllowed: false,
  };
}

/** Services every demo municipality offers on site (not online), so portals and search look real. */
const onSiteKeys = [
  '99115005104000', // Wohnsitz Anmeldung
  '99115005070000', // Wohnsitz Abmeldung
  '99115005011000', // Wohnsitz Änderung
  '99008001012000', // Personalausweis Ausstellung
  '99008001014002', // Personalausweis Meldung wegen Verlust
  '99085001012000', // Reisepass Ausstellung
  '99049001001000', // Führungszeugnis Erteilung
  '99115004001000', // Melderegisterauskunft Erteilung
  '99108001001000', // Bewohnerparkausweis Erteilung
  '99089017152000', // Fundsachen Herausgabe
  '99050012070000', // Gewerbe Abmeldung
  '99050012071000', // Gewerbe Ummeldung
  '99102013002000', // Hundesteuer Festsetzung
  '99102013010000', // Hundesteuer Befreiung
  '99059001104000', // Eheschließung Anmeldung
  '99128001120000', // Briefwahl Zusendung
  '99108012005000', // Sondernutzung von Straßen Erlaubnis
  '99093003001000', // Baumfällgenehmigung Erteilung
  '99025002169000', // Gaststättengewerbe Anzeige
  '99001009004002', // Sperrmüll Entsorgung durch Abholung
  '99041004034000', // Kindertagesstätte Aufnahme
  '99102012002000', // Grundsteuer Festsetzung
];

function onSite(office: string): DemoOffering[] {
  return onSiteKeys.map((key) => ({
    key,
    online: false,
    assistantId: null,
    office,
    feeCents: null,
    feeText: null,
    trustLevel: 'none',
    anonymousAllowed: true,
  }));
}

/** Offerings per demo tenant slug. Later entries win when a key repeats. */
export const demoOfferings: Record<string, DemoOffering[]> = {
  magdeburg: [
    ...onSite('buergerbuero'),
    // Magdeburg asks for `substantiell` (ELSTER or eID): the demo shows pre-filled, locked values and the step-up.
    ...certificates('standesamt', 'substantiell'),
    ...dogs('steueramt'),
    trade('gewerbeamt', true),
  ],
  halberstadt: [
    ...onSite('buergerbuero'),
    ...certificates('standesamt'),
    ...dogs('ordnungsamt'),
    trade('ordnungsamt', true),
  ],
  unstruttal: [
    ...onSite('buergerbuero'),
    ...certificates('standesamt'),
    ...dogs('buergerbuero'),
    trade('buergerbuero', false),
  ],
  wernigerode: [
    ...onSite('buergerbuero'),
    ...certificates('standesamt'),
    ...dogs('buergerbuero'),
    trade('buergerbuero', true),
    {
      key: '99999001079000',
      online: true,
      assistantId: 'begruessungsgeld',
      office: 'familienbuero',
      feeCents: 0,
      feeText: null,
      trustLevel: 'substantiell',
      anonymousAllowed: false,
    },
  ],
};
