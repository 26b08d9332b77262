import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { shippedCodeLists } from '../../src/modules/forms/codelists/index.ts';
import type { AssistantDefinition } from '../../src/modules/forms/definition/types.ts';
import { validateDefinition } from '../../src/modules/forms/definition/validate-definition.ts';
import {
  type Answers,
  applicableSteps,
  computeFees,
  type EngineContext,
  type FormState,
  localize,
  submitStep,
  summarize,
} from '../../src/modules/forms/engine/index.ts';
import type { ApplicationPdfInput, PdfAttachment } from '../../src/modules/pdf/index.ts';
import { type Post, toBody } from '../assistants/post-body.ts';

// Self-contained (no vitest import) so that bench/pdf.ts can use it too.

export const ctx: EngineContext = { today: '2026-11-30', codeLists: shippedCodeLists };

/** A form post as a test writes it: text, ticked checkboxes, nested objects (date, address, group) or items. */

const date = (iso: string): Post => ({ tag: iso.slice(8, 10), monat: iso.slice(5, 7), jahr: iso.slice(0, 4) });
const address = (strasse: string, hausnummer: string, plz: string, ort: string): Post => ({
  strasse,
  hausnummer,
  plz,
  ort,
});
const file = (name: string, mimeType = 'application/pdf'): Post[] => [
  { id: `upl-${name}`, name, size: '120000', mimeType },
];

/** Posts every applicable step like a citizen; throws on validation errors. */
export function answersFor(def: AssistantDefinition, posts: Record<string, Post>): Answers {
  let state: FormState = { answers: {}, raw: {} };
  for (const step of def.steps) {
    if (!applicableSteps(def, state.answers, ctx).some((candidate) => candidate.id === step.id)) continue;
    const outcome = submitStep(def, step.id, state, toBody(posts[step.id] ?? {}), ctx);
    if (outcome.errors.length > 0) throw new Error(`${def.id}/${step.id}: ${JSON.stringify(outcome.errors)}`);
    state = { answers: outcome.answers, raw: outcome.raw };
  }
  return state.answers;
}

export function loadAssistant(id: string): AssistantDefinition {
  const json: unknown = JSON.parse(readFileSync(new URL(`../../assistants/${id}.json`, import.meta.url), 'utf8'));
  const result = validateDefinition(json);
  if (!result.ok) throw new Error(`${id}: ${JSON.stringify(result.errors)}`);
  return result.definition;
}

export const ASSISTANT_IDS = [
  'urkundenbestellung',
  'hundeanmeldung',
  'hundeabmeldung',
  'begruessungsgeld',
  'gewerbeanmeldung',
] as const;

export const SUBMITTED_AT = new Date('2026-11-30T13:05:42.123Z');

/** Realistic citizen input per shipped assistant, posted step by step through the engine. */
export const POSTS: Record<string, Record<string, Post>> = {
  urkundenbestellung: {
    auswahl: { faelle: ['geburt'] },
    geburt: {
      gebVornamen: 'Jürgen Björn',
      gebFamilienname: 'Weiß',
      gebDatum: date('1964-08-12'),
      gebOrt: 'Magdeburg',
      gebRegisternummer: 'G 2345/1964',
      gebBeziehung: 'selbst',
      gebDokument: 'urkunde',
      gebAnzahlUrkunden: '2',
    },
    zweck: { verwendungszweck: 'sonstiges', zweckSonstiges: 'Einbürgerung des Ehemanns – „dringend“' },
    antragsteller: {
      vorname: 'Jürgen Björn',
      familienname: 'Weiß',
      geburtsdatum: date('1964-08-12'),
      anschrift: address('Heidestraße', '17', '39104', 'Magdeburg'),
      email: 'juergen.weiss@example.org',
    },
    versand: { versandart: 'post_antragsteller' },
  },
  hundeanmeldung: {
    hunde: {
      hunde: [
        {
          name: 'Bello',
          rasseart: 'rassehund',
          rasse: 'Deutscher Schäferhund',
          geschlecht: 'ruede',
          geburtsdatum: date('2022-04-01'),
          transponder: '276098106123456',
          haltungSeit: date('2026-10-01'),
          herkunft: 'tierheim',
          herkunftName: 'Tierheim Magdeburg',
          herkunftAnschrift: address('Am Hundeplatz', '3', '39116', 'Magdeburg'),
          gefaehrlich: 'nein',
        },
        {
          name: 'Luna',
          rasseart: 'mischling',
          kreuzung: 'Pudel × Labrador',
          geschlecht: 'huendin',
          geburtsdatum: date('2025-02-14'),
          transponder: '276098106654321',
          haltungSeit: date('2026-11-01'),
          herkunft: 'eigenerWurf',
          gefaehrlich: 'nein',
        },
      ],
    },
    halter: {
      vorname: 'Erika',
      familienname: 'Müller-Lüdenscheidt',
      geburtsdatum: date('1964-08-12'),
      anschrift: address('Große Straße', '5', '38855', 'Wernigerode'),
      telefon: '03943 123456',
      email: 'erika@example.org',
    },
    versicherung: {
      versicherer: 'Harzer Versicherung AG',
      versicherungsnummer: 'HV-2026-4711',
      versicherungsnachweis: file('versicherung.pdf'),
    },
    steuer: { ermaessigung: 'nein' },
  },
  hundeabmeldung: {
    hund: { hundName: 'Bello', transponder: '276098106123456', steuermarke: 'WR-0815', gefaehrlich: 'nein' },
    grund: {
      grund: 'wegzug',
      wegzugsdatum: date('2026-11-15'),
      wegzugZiel: 'ausland',
      neuerStaat: '129',
      neueAnschriftAusland: 'Rue de la Paix 12\n75002 Paris',
    },
    halter: {
      vorname: 'Ömer',
      familienname: 'Çelik',
      geburtsdatum: date('1980-01-31'),
      anschrift: address('Breite Straße', '1', '38855', 'Wernigerode'),
    },
  },
  begruessungsgeld: {
    anlass: { anlass: 'geburt' },
    kind: {
      kindVornamen: 'Zoë Malin',
      kindFamilienname: 'Schröder',
      kindGeburtsdatum: date('2026-11-02'),
      beziehungKind: 'mutter',
      weitererElternteil: 'ja',
      elternteil2: {
        vornamen: 'Jörg',
        familienname: 'Schröder',
        geburtsdatum: date('1990-05-05'),
        gleicheAnschrift: 'ja',
      },
    },
    antragsteller: {
      vorname: 'Anna-Lena',
      familienname: 'Schröder',
      geburtsdatum: date('1992-03-03'),
      anschrift: address('Marktstraße', '8', '38855', 'Wernigerode'),
      email: 'anna-lena@example.org',
    },
    voraussetzungen: { hauptwohnsitz: 'true', nichtErhalten: 'true', haushalt: 'true', richtigkeit: 'true' },
    auszahlung: { kontoinhaber: 'Anna-Lena Schröder', iban: 'DE89370400440532013000' },
  },
  gewerbeanmeldung: {
    anmeldung: { grund: 'neuerrichtung', rechtsform: 'einzelunternehmen' },
    person: {
      familienname: 'Öztürk',
      vornamen: 'Ayşe',
      geburtsdatum: date('1985-07-20'),
      geburtsort: 'Köln',
      geburtsland: '000',
      staatsangehoerigkeit: '000',
      anschrift: address('Straße des Friedens', '12', '38855', 'Wernigerode'),
      email: 'ayse@example.org',
    },
    betrieb: {
      geschaeftsbezeichnung: 'Ayşes Näherei',
      betriebsstaette: address('Breite Straße', '40', '38855', 'Wernigerode'),
      niederlassung: 'hauptniederlassung',
    },
    taetigkeit: {
      taetigkeit: 'Änderungsschneiderei und Verkauf von Kurzwaren; Reparatur von Kleidung aller Größen.',
      betriebsart: ['handwerk', 'handel'],
      nebenerwerb: 'nein',
      beginn: date('2027-01-01'),
      vollzeit: '1',
      teilzeit: '2',
    },
    erlaubnisse: { erlaubnis: 'nein' },
  },
};

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The input the submission module would build: summary, fees, a paid payment, attachments, JSON. */
export function inputFor(def: AssistantDefinition, answers: Answers, reference: string): ApplicationPdfInput {
  const fees = computeFees(def, answers, ctx);
  const attachments: PdfAttachment[] = [
    { name: 'versicherung.pdf', mimeType: 'application/pdf', size: 120_000, sha256: sha256('versicherung') },
  ];
  return {
    tenant: {
      name: 'Stadt Wernigerode',
      primaryColor: '#b3001b',
      logoSvg:
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 56" role="img"><title>Platzhalter-Wappen</title>' +
        '<path d="M4 4h40v24c0 13-9 21-20 25C13 49 4 41 4 28z" fill="#b3001b" stroke="#222" stroke-width="2"/>' +
        '<text x="24" y="35" font-size="22" fill="#fff" text-anchor="middle">W</text></svg>',
    },
    assistant: { id: def.id, version: def.version, title: localize(def.title, 'de') },
    reference,
    submittedAt: SUBMITTED_AT,
    lang: 'de',
    summary: summarize(def, answers, ctx),
    fees: fees.lines.length > 0 ? fees : undefined,
    payment:
      fees.totalCents > 0
        ? { status: 'PAYED', transactionReference: 'KZ-2026-000123', amountCents: fees.totalCents, method: 'Giropay' }
        : undefined,
    attachments,
    machineReadable: {
      json: { assistant: { id: def.id, version: def.version }, reference, answers },
      xml: `<?xml version="1.0" encoding="UTF-8"?><antrag referenz="${reference}"><name>Weiß</name></antrag>`,
    },
  };
}

/** A shipped assistant with its realistic answers (the walk must be free of errors). */
export function shippedInput(id: string): ApplicationPdfInput {
  const def = loadAssistant(id);
  return inputFor(def, answersFor(def, POSTS[id] ?? {}), `SAC-2026-${id.slice(0, 4).toUpperCase()}-0042`);
}

/** The example definition with a dog keeper's answers. */
export function exampleInput(): ApplicationPdfInput {
  const json: unknown = JSON.parse(
    readFileSync(new URL('../../src/modules/forms/definition/example-definition.json', import.meta.url), 'utf8'),
  );
  const result = validateDefinition(json);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  const def = result.definition;
  const answers: Answers = {
    vorname: 'Jürgen',
    familienname: 'Größmann',
    geburtsdatum: '1970-01-15',
    anschrift: { strasse: 'Heidestraße', hausnummer: '17', plz: '39104', ort: 'Magdeburg' },
    hunde: [
      { name: 'Bello', rasse: 'dackel', wurfdatum: '2020-05-01', haltungBeginn: '2020-07-01' },
      { name: 'Flöckchen', rasse: 'mischling', haltungBeginn: '2022-06-02' },
    ],
    ermaessigung: 'nein',
    iban: 'DE89370400440532013000',
    zustimmung: true,
  };
  return inputFor(def, answers, 'SAC-2026-BEISPIEL-0001');
}
