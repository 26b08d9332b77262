import { describe, expect, it } from 'vitest';
import {
  computeFees,
  formatCents,
  pruneHidden,
  summarize,
  validateAnswers,
} from '../../src/modules/forms/engine/index.ts';
import { address, ctx, date, file, loadAssistant, type Post, stepErrors, summaryText, walkClean } from './helpers.ts';

const def = loadAssistant('gewerbeanmeldung');

const person: Post = {
  familienname: 'Mustermann',
  vornamen: 'Erika',
  geburtsname: 'Gabler',
  geschlecht: 'w',
  geburtsdatum: date('1964-08-12'),
  geburtsort: 'Magdeburg',
  geburtsland: '000',
  staatsangehoerigkeit: '000',
  anschrift: address('Heidestraße', '17', '39104', 'Magdeburg'),
  email: 'erika@example.org',
};

const betrieb: Post = {
  geschaeftsbezeichnung: 'Fahrradwerkstatt am Markt',
  betriebsstaette: address('Alter Markt', '4', '39104', 'Magdeburg'),
  betriebTelefon: '0391 7654321',
  niederlassung: 'hauptniederlassung',
};

const taetigkeit: Post = {
  taetigkeit: 'Einzelhandel mit Fahrrädern und Zubehör, Reparatur von Fahrrädern',
  betriebsart: ['handel', 'handwerk'],
  nebenerwerb: 'nein',
  beginn: date('2027-01-04'),
  vollzeit: '2',
  teilzeit: '0',
};

/** A sole trader, no permit. */
const soleTrader: Record<string, Post> = {
  anmeldung: { grund: 'neuerrichtung', rechtsform: 'einzelunternehmen' },
  person,
  betrieb,
  taetigkeit,
  erlaubnisse: { erlaubnis: 'nein' },
};

/** A registered GmbH with a second managing director, taking over a business, with a § 34c permit. */
const gmbh: Record<string, Post> = {
  anmeldung: { grund: 'uebernahme', fruehererInhaber: 'Immobilien Schmidt e. K.', rechtsform: 'gmbh' },
  unternehmen: {
    firma: 'Harzblick Immobilien GmbH',
    eingetragen: 'ja',
    registergericht: 'W1215',
    registernummer: 'HRB 31415',
    anzahlVertreter: '2',
  },
  person: {
    ...person,
    weiterePersonen: [
      {
        familienname: 'Nguyễn',
        vornamen: 'Văn An',
        geburtsdatum: date('1985-05-05'),
        geburtsort: 'Hanoi',
        staatsangehoerigkeit: '432',
        anschrift: address('Lindenweg', '9', '38855', 'Wernigerode'),
      },
    ],
  },
  betrieb: {
    ...betrieb,
    niederlassung: 'zweigniederlassung',
    hauptniederlassungAnschrift: address('Marktplatz', '1', '38855', 'Wernigerode'),
  },
  taetigkeit: {
    ...taetigkeit,
    taetigkeit: 'Vermittlung von Wohnimmobilien und Verwaltung von Mietobjekten',
    betriebsart: ['sonstiges'],
  },
  erlaubnisse: {
    erlaubnis: 'liegtVor',
    erlaubnisArt: ['gewo34c'],
    erlaubnisBehoerde: 'Landeshauptstadt Magdeburg, Gewerbeamt',
    erlaubnisDatum: date('2026-10-01'),
    erlaubnisNachweis: file('erlaubnis-34c.pdf'),
  },
};

describe('Gewerbeanmeldung: happy paths', () => {
  it('sole trader: anmeldung → person → betrieb → taetigkeit → erlaubnisse (no company step)', () => {
    const { answers, visited } = walkClean(def, soleTrader);
    expect(visited).toEqual(['anmeldung', 'person', 'betrieb', 'taetigkeit', 'erlaubnisse']);
    expect(validateAnswers(def, answers, ctx)).toEqual([]);
    expect(answers.vollzeit).toBe(2);
    expect(answers.teilzeit).toBe(0);
  });

  it('GmbH: all six steps, register data, a second person, a permit', () => {
    const { answers, visited } = walkClean(def, gmbh);
    expect(visited).toEqual(def.steps.map((step) => step.id));
    expect(validateAnswers(def, answers, ctx)).toEqual([]);
    expect(answers.weiterePersonen).toHaveLength(1);
  });

  it('summarize shows code-list labels and the further person', () => {
    const { answers } = walkClean(def, gmbh);
    const lines = summaryText(summarize(def, answers, ctx));
    expect(lines).toEqual(
      expect.arrayContaining([
        'Angaben zum Unternehmen / Registergericht: Amtsgericht Stendal',
        'Angaben zum Unternehmen / Registernummer: HRB 31415',
        'Angaben zur Person / Staatsangehörigkeit: Deutschland',
        'Angaben zur Person / Person 1 / Familienname: Nguyễn',
        'Angemeldete Tätigkeit / Beginn der Tätigkeit: 04.01.2027',
        'Angemeldete Tätigkeit / Art des Betriebs: Sonstiges (zum Beispiel Dienstleistung)',
        'Erlaubnisse und Eintragungen / Welche Erlaubnis oder Eintragung?: Makler, Bauträger, Baubetreuer, Wohnimmobilienverwalter (§ 34c GewO)',
      ]),
    );
    expect(lines.some((line) => line.includes('Familiengericht'))).toBe(false);
  });

  it('pruneHidden drops company, partners and permit data when switching to a sole trader without permit', () => {
    const { answers } = walkClean(def, gmbh);
    const pruned = pruneHidden(
      def,
      { ...answers, rechtsform: 'einzelunternehmen', erlaubnis: 'nein', grund: 'neuerrichtung' },
      ctx,
    );
    for (const gone of [
      'firma',
      'registergericht',
      'registernummer',
      'anzahlVertreter',
      'weiterePersonen',
      'erlaubnisArt',
      'erlaubnisNachweis',
      'fruehererInhaber',
    ]) {
      expect(pruned, gone).not.toHaveProperty(gone);
    }
  });

  it('fee: 26,00 € (demo value), whatever the legal form', () => {
    for (const posts of [soleTrader, gmbh]) {
      const { answers } = walkClean(def, posts);
      const fees = computeFees(def, answers, ctx);
      expect(fees.lines).toEqual([
        {
          feeId: 'gewerbeanzeige',
          label: 'Gebühr für die Gewerbeanmeldung',
          quantity: 1,
          amountCents: 2600,
          free: false,
        },
      ]);
      expect(formatCents(fees.totalCents)).toBe('26,00 €');
    }
  });
});

describe('Gewerbeanmeldung: validation errors', () => {
  it('nothing chosen on the first step', () => {
    expect(stepErrors(def, soleTrader, 'anmeldung', {})).toEqual([
      ['grund', 'required'],
      ['rechtsform', 'required'],
    ]);
  });

  it('the previous owner and previous premises depend on the reason', () => {
    expect(stepErrors(def, soleTrader, 'anmeldung', { grund: 'uebernahme', rechtsform: 'einzelunternehmen' })).toEqual([
      ['fruehererInhaber', 'required'],
    ]);
    expect(stepErrors(def, soleTrader, 'anmeldung', { grund: 'zuzug', rechtsform: 'einzelunternehmen' })).toEqual([
      ['fruehereBetriebsstaette', 'required'],
    ]);
  });

  it('register court and number are required only for a registered company that is entered already', () => {
    expect(
      stepErrors(def, gmbh, 'unternehmen', {
        firma: 'Harzblick Immobilien GmbH',
        eingetragen: 'ja',
        anzahlVertreter: '1',
      }),
    ).toEqual([
      ['registergericht', 'required'],
      ['registernummer', 'required'],
    ]);
    expect(
      stepErrors(def, gmbh, 'unternehmen', {
        firma: 'Harzblick Immobilien GmbH i. G.',
        eingetragen: 'beantragt',
        anzahlVertreter: '1',
      }),
    ).toEqual([]);
    const gbr = { ...gmbh, anmeldung: { grund: 'neuerrichtung', rechtsform: 'gbr' } };
    expect(stepErrors(def, gbr, 'unternehmen', { firma: 'Rad & Tat GbR' })).toEqual([]);
  });

  it('a malformed register number and an unknown court', () => {
    expect(
      stepErrors(def, gmbh, 'unternehmen', { ...gmbh.unternehmen, registergericht: 'X0000', registernummer: '31415' }),
    ).toEqual([
      ['registergericht', 'country'],
      ['registernummer', 'pattern'],
    ]);
  });

  it('person: required data, future birth date, bad postcode, unknown nationality', () => {
    const broken = {
      ...person,
      vornamen: '',
      geburtsdatum: date('2027-02-01'),
      staatsangehoerigkeit: 'XXX',
      anschrift: address('Heidestraße', '17', 'ABCDE', 'Magdeburg'),
    } as Post;
    expect(stepErrors(def, soleTrader, 'person', broken)).toEqual([
      ['vornamen', 'required'],
      ['geburtsdatum', 'past'],
      ['staatsangehoerigkeit', 'country'],
      ['anschrift', 'postcode'],
    ]);
  });

  it('a minor needs the family court approval (§ 112 BGB)', () => {
    const minor = { ...person, geburtsdatum: date('2009-06-01') } as Post;
    expect(stepErrors(def, soleTrader, 'person', minor)).toEqual([['genehmigungFamiliengericht', 'required']]);
    expect(
      stepErrors(def, soleTrader, 'person', { ...minor, genehmigungFamiliengericht: file('beschluss.pdf') }),
    ).toEqual([]);
  });

  it('further persons: only for partnerships and companies, each complete', () => {
    const partial = { ...gmbh.person, weiterePersonen: [{ familienname: 'Nguyễn' }] } as Post;
    expect(stepErrors(def, gmbh, 'person', partial)).toEqual([
      ['weiterePersonen[0][vornamen]', 'required'],
      ['weiterePersonen[0][geburtsdatum]', 'required'],
      ['weiterePersonen[0][geburtsort]', 'required'],
      ['weiterePersonen[0][staatsangehoerigkeit]', 'required'],
      ['weiterePersonen[0][anschrift]', 'required'],
    ]);
    const { answers } = walkClean(def, { ...soleTrader, person: partial });
    expect(answers).not.toHaveProperty('weiterePersonen');
  });

  it('too many further persons (max 9, here 10)', () => {
    const ten = Array.from({ length: 10 }, () => (gmbh.person as { weiterePersonen: Post[] }).weiterePersonen[0]!);
    expect(stepErrors(def, gmbh, 'person', { ...gmbh.person, weiterePersonen: ten } as Post)).toEqual([
      ['weiterePersonen', 'tooManyItems'],
    ]);
  });

  it('head office address only for branches', () => {
    expect(stepErrors(def, soleTrader, 'betrieb', { ...betrieb, niederlassung: 'zweigstelle' })).toEqual([
      ['hauptniederlassungAnschrift', 'required'],
    ]);
    expect(
      stepErrors(def, soleTrader, 'betrieb', {
        ...betrieb,
        betriebsstaette: address('Alter Markt', '', '39104', 'Magdeburg'),
      }),
    ).toEqual([['betriebsstaette', 'addressPart']]);
  });

  it('activity: description too short, no type, negative employees', () => {
    expect(
      stepErrors(def, soleTrader, 'taetigkeit', {
        ...taetigkeit,
        taetigkeit: 'Handel',
        betriebsart: [],
        vollzeit: '-1',
      }),
    ).toEqual([
      ['taetigkeit', 'tooShort'],
      ['betriebsart', 'required'],
      ['vollzeit', 'min'],
    ]);
  });

  it('start date: future allowed, at most 12 months in the past', () => {
    const start = (iso: string) => ({ ...taetigkeit, beginn: date(iso) }) as Post;
    expect(stepErrors(def, soleTrader, 'taetigkeit', start('2027-06-01'))).toEqual([]);
    expect(stepErrors(def, soleTrader, 'taetigkeit', start('2026-01-02'))).toEqual([]);
    expect(stepErrors(def, soleTrader, 'taetigkeit', start('2025-11-01'))).toEqual([
      ['beginn', 'beginnNichtZuLangeZurueck'],
    ]);
  });

  it('permits: kind, authority, date and upload required when a permit exists; the date not in the future', () => {
    expect(stepErrors(def, soleTrader, 'erlaubnisse', { erlaubnis: 'liegtVor' })).toEqual([
      ['erlaubnisArt', 'required'],
      ['erlaubnisBehoerde', 'required'],
      ['erlaubnisDatum', 'required'],
      ['erlaubnisNachweis', 'required'],
    ]);
    expect(stepErrors(def, soleTrader, 'erlaubnisse', { erlaubnis: 'beantragt', erlaubnisArt: ['sonstige'] })).toEqual([
      ['erlaubnisSonstige', 'required'],
    ]);
    expect(stepErrors(def, gmbh, 'erlaubnisse', { ...gmbh.erlaubnisse, erlaubnisDatum: date('2026-12-24') })).toEqual([
      ['erlaubnisDatum', 'notFuture'],
    ]);
  });
});
