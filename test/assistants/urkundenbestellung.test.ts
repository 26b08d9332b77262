import { describe, expect, it } from 'vitest';
import {
  applyPrefill,
  computeFees,
  formatCents,
  pruneHidden,
  summarize,
  validateAnswers,
} from '../../src/modules/forms/engine/index.ts';
import {
  address,
  ctx,
  date,
  file,
  loadAssistant,
  type Post,
  stepErrors,
  summaryText,
  walk,
  walkClean,
} from './helpers.ts';

const def = loadAssistant('urkundenbestellung');

/** Erika orders two birth certificates of her own birth for the pension insurance, sent to her home. */
const birthOnly: Record<string, Post> = {
  auswahl: { faelle: ['geburt'] },
  geburt: {
    gebVornamen: 'Erika',
    gebFamilienname: 'Gabler',
    gebDatum: date('1964-08-12'),
    gebOrt: 'Magdeburg',
    gebRegisternummer: 'G 2345/1964',
    gebBeziehung: 'selbst',
    gebDokument: 'urkunde',
    gebAnzahlUrkunden: '2',
  },
  zweck: { verwendungszweck: 'sonstiges', zweckSonstiges: 'Einbürgerung des Ehemanns' },
  antragsteller: {
    vorname: 'Erika',
    familienname: 'Mustermann',
    geburtsdatum: date('1964-08-12'),
    anschrift: address('Heidestraße', '17', '39104', 'Magdeburg'),
    email: 'erika@example.org',
  },
  versand: { versandart: 'post_antragsteller' },
};

const spouse = (vornamen: string, familienname: string): Post => ({ vornamen, familienname });

/** Every kind of event in one order, each with a different relationship. */
const everything: Record<string, Post> = {
  ...birthOnly,
  auswahl: { faelle: ['geburt', 'ehe', 'lebenspartnerschaft', 'sterbefall'] },
  ehe: {
    eheEhegatte1: spouse('Erika', 'Gabler'),
    eheEhegatte2: { ...spouse('Jürgen', 'Mustermann'), geburtsdatum: date('1961-02-03') },
    eheDatum: date('1988-06-17'),
    eheOrt: 'Magdeburg',
    eheBeziehung: 'selbst',
    eheDokument: 'beides',
    eheAnzahlUrkunden: '1',
    eheAnzahlAusdrucke: '1',
  },
  lebenspartnerschaft: {
    lpPartner1: spouse('Anna-Lena', 'Schröder'),
    lpPartner2: spouse('Zoë', 'Łukasiewicz'),
    lpDatum: date('2005-05-20'),
    lpOrt: 'Halberstadt',
    lpBeziehung: 'geschwister',
    lpInteresse: 'Ich brauche die Urkunde für den Erbschein meiner Schwester.',
    lpDokument: 'urkunde',
    lpAnzahlUrkunden: '1',
  },
  sterbefall: {
    stbVornamen: 'Hans',
    stbFamilienname: 'Gabler',
    stbGeburtsdatum: date('1935-01-30'),
    stbDatum: date('2026-10-02'),
    stbOrt: 'Wernigerode',
    stbBeziehung: 'abkoemmling',
    stbDokument: 'registerausdruck',
    stbAnzahlAusdrucke: '3',
  },
  versand: {
    versandart: 'post_abweichend',
    versandEmpfaenger: 'Kanzlei Dr. Weiß',
    versandAnschrift: address('Breiter Weg', '1a', '39104', 'Magdeburg'),
  },
};

describe('Urkundenbestellung: happy paths', () => {
  it('a birth certificate order walks auswahl → geburt → zweck → antragsteller → versand without errors', () => {
    const { answers, visited } = walkClean(def, birthOnly);
    expect(visited).toEqual(['auswahl', 'geburt', 'zweck', 'antragsteller', 'versand']);
    expect(answers.gebAnzahlUrkunden).toBe(2);
    expect(answers.gebDatum).toBe('1964-08-12');
    expect(validateAnswers(def, answers, ctx)).toEqual([]);
  });

  it('an order about all four events visits every step and checks out', () => {
    const { answers, visited } = walkClean(def, everything);
    expect(visited).toEqual(def.steps.map((step) => step.id));
    expect(validateAnswers(def, answers, ctx)).toEqual([]);
    expect(answers.lpPartner2).toEqual({ vornamen: 'Zoë', familienname: 'Łukasiewicz' });
  });

  it('summarize lists the visible entries with German display values', () => {
    const { answers } = walkClean(def, everything);
    const lines = summaryText(summarize(def, answers, ctx));
    expect(lines).toEqual(
      expect.arrayContaining([
        'Welche Urkunden benötigen Sie? / Ich benötige Urkunden über: eine Geburt (Geburtsurkunde), eine Eheschließung (Eheurkunde), eine Lebenspartnerschaft (Lebenspartnerschaftsurkunde), einen Sterbefall (Sterbeurkunde)',
        'Angaben zur Geburt / Geburtsdatum: 12.08.1964',
        'Angaben zur Geburt / Anzahl Geburtsurkunden: 2',
        'Angaben zur Eheschließung / Zweite Ehegattin / zweiter Ehegatte / Vorname(n): Jürgen',
        'Angaben zur Lebenspartnerschaft / Zweite Lebenspartnerin / zweiter Lebenspartner / Familienname vor der Begründung der Lebenspartnerschaft: Łukasiewicz',
        'Angaben zum Sterbefall / Sterbedatum: 02.10.2026',
        'Angaben zu Ihrer Person / Ihre Anschrift: Heidestraße 17\n39104 Magdeburg',
        'Wie möchten Sie die Urkunden erhalten? / Versandanschrift: Breiter Weg 1a\n39104 Magdeburg',
      ]),
    );
    // Hidden branches are not listed: no Vollmacht, no Registerausdruck count for the birth.
    expect(lines.some((line) => line.includes('Vollmacht'))).toBe(false);
    expect(lines.some((line) => line.startsWith('Angaben zur Geburt / Anzahl beglaubigter'))).toBe(false);
    // Info texts are not rows.
    expect(lines.some((line) => line.includes('Stadtarchiv'))).toBe(false);
  });

  it('pruneHidden drops the answers of events and branches that are no longer chosen', () => {
    const { answers } = walkClean(def, everything);
    const changed = { ...answers, faelle: ['geburt'], versandart: 'abholung', lpBeziehung: 'selbst' };
    const pruned = pruneHidden(def, changed, ctx);
    for (const gone of [
      'eheDatum',
      'eheEhegatte1',
      'lpInteresse',
      'stbDatum',
      'stbAnzahlAusdrucke',
      'versandAnschrift',
    ]) {
      expect(pruned, gone).not.toHaveProperty(gone);
    }
    expect(pruned.gebAnzahlUrkunden).toBe(2);
    expect(pruned.versandart).toBe('abholung');
  });

  it('pre-fills the applicant from an eID identity', () => {
    const prefillable = def.steps.flatMap((step) => step.fields).filter((field) => field.prefill);
    expect(Object.fromEntries(prefillable.map((field) => [field.id, field.prefill]))).toEqual({
      vorname: 'givenName',
      familienname: 'familyName',
      geburtsdatum: 'birthDate',
      anschrift: 'address',
      email: 'email',
    });
    const { answers } = applyPrefill(
      def,
      {},
      {
        givenName: 'Erika',
        familyName: 'Mustermann',
        birthDate: '1964-08-12',
        email: 'erika@example.org',
      },
    );
    expect(answers).toMatchObject({ vorname: 'Erika', familienname: 'Mustermann', geburtsdatum: '1964-08-12' });
  });
});

describe('Urkundenbestellung: validation errors', () => {
  it('nothing chosen', () => {
    expect(stepErrors(def, birthOnly, 'auswahl', {})).toEqual([['faelle', 'required']]);
  });

  it('required event data missing', () => {
    expect(stepErrors(def, birthOnly, 'geburt', { gebBeziehung: 'selbst', gebDokument: 'urkunde' })).toEqual([
      ['gebVornamen', 'required'],
      ['gebFamilienname', 'required'],
      ['gebDatum', 'required'],
      ['gebOrt', 'required'],
      ['gebAnzahlUrkunden', 'required'],
    ]);
  });

  it('a birth date in the future', () => {
    const geburt = { ...birthOnly.geburt, gebDatum: date('2026-12-24') } as Post;
    expect(stepErrors(def, birthOnly, 'geburt', geburt)).toEqual([['gebDatum', 'notFuture']]);
  });

  it('a date of death before the date of birth', () => {
    const result = walk(def, {
      ...everything,
      sterbefall: { ...everything.sterbefall, stbDatum: date('1930-01-01') } as Post,
    });
    expect(result.errors.sterbefall?.map((e) => [e.name, e.code, e.message])).toEqual([
      [
        'stbDatum',
        'notBefore',
        'Das Datum bei „Sterbedatum“ darf nicht vor dem Datum bei „Geburtsdatum der verstorbenen Person“ liegen.',
      ],
    ]);
  });

  it('a civil partnership outside 2001-08-01 … 2017-09-30', () => {
    const lp = (iso: string) => ({
      ...everything,
      lebenspartnerschaft: { ...everything.lebenspartnerschaft, lpDatum: date(iso) } as Post,
    });
    expect(walk(def, lp('2018-03-01')).errors.lebenspartnerschaft?.map((e) => e.code)).toEqual(['notAfter']);
    expect(walk(def, lp('1999-03-01')).errors.lebenspartnerschaft?.map((e) => e.code)).toEqual(['notBefore']);
  });

  it('the legitimate interest is required only for siblings and other persons (§ 62 PStG)', () => {
    const geburt = (extra: Post) => ({ ...birthOnly.geburt, ...extra }) as Post;
    expect(stepErrors(def, birthOnly, 'geburt', geburt({ gebBeziehung: 'sonstige' }))).toEqual([
      ['gebInteresse', 'required'],
    ]);
    expect(stepErrors(def, birthOnly, 'geburt', geburt({ gebBeziehung: 'geschwister' }))).toEqual([
      ['gebInteresse', 'required'],
    ]);
    expect(stepErrors(def, birthOnly, 'geburt', geburt({ gebBeziehung: 'vorfahre' }))).toEqual([]);
    expect(
      stepErrors(def, birthOnly, 'geburt', geburt({ gebBeziehung: 'abkoemmling', gebInteresse: 'ignoriert' })),
    ).toEqual([]);
    expect(stepErrors(def, birthOnly, 'geburt', geburt({ gebBeziehung: 'sonstige', gebInteresse: 'Erbe' }))).toEqual([
      ['gebInteresse', 'tooShort'],
    ]);
  });

  it('a power of attorney is required when acting for someone else', () => {
    const geburt = { ...birthOnly.geburt, gebBeziehung: 'bevollmaechtigt' } as Post;
    expect(stepErrors(def, birthOnly, 'geburt', geburt)).toEqual([['gebVollmacht', 'required']]);
    expect(stepErrors(def, birthOnly, 'geburt', { ...geburt, gebVollmacht: file('vollmacht.pdf') })).toEqual([]);
    expect(
      stepErrors(def, birthOnly, 'geburt', { ...geburt, gebVollmacht: file('vollmacht.docx', 'application/msword') }),
    ).toEqual([['gebVollmacht', 'fileType']]);
  });

  it('copies: at least 1, at most 10, whole numbers', () => {
    const geburt = (n: string) => ({ ...birthOnly.geburt, gebAnzahlUrkunden: n }) as Post;
    expect(stepErrors(def, birthOnly, 'geburt', geburt('0'))).toEqual([['gebAnzahlUrkunden', 'min']]);
    expect(stepErrors(def, birthOnly, 'geburt', geburt('11'))).toEqual([['gebAnzahlUrkunden', 'max']]);
    expect(stepErrors(def, birthOnly, 'geburt', geburt('1,5'))).toEqual([['gebAnzahlUrkunden', 'integer']]);
  });

  it('applicant: bad postcode, bad e-mail, missing name', () => {
    const antragsteller = {
      ...birthOnly.antragsteller,
      vorname: '',
      anschrift: address('Heidestraße', '17', '3910', 'Magdeburg'),
      email: 'erika@',
    } as Post;
    expect(stepErrors(def, birthOnly, 'antragsteller', antragsteller)).toEqual([
      ['vorname', 'required'],
      ['anschrift', 'postcode'],
      ['email', 'email'],
    ]);
  });

  it('the other delivery address is required only when post goes elsewhere', () => {
    expect(stepErrors(def, birthOnly, 'versand', { versandart: 'post_abweichend' })).toEqual([
      ['versandEmpfaenger', 'required'],
      ['versandAnschrift', 'required'],
    ]);
    expect(stepErrors(def, birthOnly, 'versand', { versandart: 'abholung' })).toEqual([]);
    expect(stepErrors(def, birthOnly, 'versand', {})).toEqual([['versandart', 'required']]);
  });

  it('another purpose must be named', () => {
    expect(stepErrors(def, birthOnly, 'zweck', { verwendungszweck: 'sonstiges' })).toEqual([
      ['zweckSonstiges', 'required'],
    ]);
  });
});

describe('Urkundenbestellung: fees (10 € the first, 5 € each further copy of the same document)', () => {
  const order = (geburt: Post, faelle = ['geburt'], extra: Record<string, Post> = {}) =>
    walkClean(def, {
      ...birthOnly,
      auswahl: { faelle },
      geburt: { ...birthOnly.geburt, ...geburt } as Post,
      ...extra,
    }).answers;
  const total = (answers: ReturnType<typeof order>) => formatCents(computeFees(def, answers, ctx).totalCents);

  it.each([
    ['one birth certificate', '1', '10,00 €'],
    ['two birth certificates', '2', '15,00 €'],
    ['three birth certificates', '3', '20,00 €'],
    ['ten birth certificates', '10', '55,00 €'],
  ])('%s = %s', (_name, count, expected) => {
    expect(total(order({ gebAnzahlUrkunden: count }))).toBe(expected);
  });

  it('a birth and a marriage certificate = 20,00 € (two different certificates, each a first copy)', () => {
    const answers = order({ gebAnzahlUrkunden: '1' }, ['geburt', 'ehe'], {
      ehe: { ...everything.ehe, eheDokument: 'urkunde', eheAnzahlUrkunden: '1' } as Post,
    });
    const fees = computeFees(def, answers, ctx);
    expect(fees.lines.map((line) => [line.label, line.amountCents])).toEqual([
      ['Geburtsurkunde (1 Exemplar(e))', 1000],
      ['Eheurkunde (1 Exemplar(e))', 1000],
    ]);
    expect(formatCents(fees.totalCents)).toBe('20,00 €');
  });

  it('a certificate and a register extract of the same birth are two documents', () => {
    const answers = order({ gebDokument: 'beides', gebAnzahlUrkunden: '2', gebAnzahlAusdrucke: '1' });
    expect(computeFees(def, answers, ctx).lines.map((line) => [line.feeId, line.quantity, line.amountCents])).toEqual([
      ['gebUrkunde', 2, 1500],
      ['gebRegisterausdruck', 1, 1000],
    ]);
  });

  it('the full order of all four events', () => {
    const { answers } = walkClean(def, everything);
    const fees = computeFees(def, answers, ctx);
    // Geburt 2 × = 15 €, Ehe 1 Urkunde + 1 Ausdruck = 20 €, LP 1 = 10 €, Sterbefall 3 Ausdrucke = 20 €.
    expect(fees.lines.map((line) => line.amountCents)).toEqual([1500, 1000, 1000, 1000, 2000]);
    expect(formatCents(fees.totalCents)).toBe('65,00 €');
  });

  it.each(['rente', 'elterngeld_kindergeld'])('purpose %s is free of charge = 0,00 €', (zweck) => {
    const answers = order({ gebAnzahlUrkunden: '3' }, ['geburt'], { zweck: { verwendungszweck: zweck } });
    const fees = computeFees(def, answers, ctx);
    expect(fees.lines).toEqual([
      { feeId: 'gebUrkunde', label: 'Geburtsurkunde (3 Exemplar(e))', quantity: 3, amountCents: 0, free: true },
    ]);
    expect(formatCents(fees.totalCents)).toBe('0,00 €');
  });

  it('deselected events cost nothing, even when their old answers are still in the draft', () => {
    const { answers } = walkClean(def, everything);
    expect(formatCents(computeFees(def, { ...answers, faelle: ['geburt'] }, ctx).totalCents)).toBe('15,00 €');
  });
});

describe('Urkundenbestellung in English', () => {
  it('summarize uses the English step titles, labels and options', () => {
    const { answers } = walkClean(def, birthOnly);
    const lines = summaryText(summarize(def, answers, { ...ctx, lang: 'en' }));
    expect(lines).toEqual(
      expect.arrayContaining([
        'About the birth / Date of birth: 12.08.1964',
        'About you / Your date of birth: 12.08.1964',
        'How would you like to receive the certificates? / Delivery: By post to my address',
      ]),
    );
    const fees = computeFees(def, answers, { ...ctx, lang: 'en' });
    expect(fees.lines.map((line) => line.label)).toEqual(['Birth certificate (2 copies)']);
    expect(fees.totalCents).toBe(1500);
  });
});
