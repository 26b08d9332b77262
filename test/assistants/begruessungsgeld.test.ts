import { describe, expect, it } from 'vitest';
import { computeFees, pruneHidden, summarize, validateAnswers } from '../../src/modules/forms/engine/index.ts';
import { address, ctx, date, loadAssistant, type Post, stepErrors, summaryText, walk, walkClean } from './helpers.ts';

const def = loadAssistant('begruessungsgeld');

const person: Post = {
  vorname: 'Erika',
  familienname: 'Mustermann',
  geburtsdatum: date('1990-04-01'),
  anschrift: address('Breite Straße', '12', '38855', 'Wernigerode'),
  email: 'erika@example.org',
};
const confirmations: Post = { hauptwohnsitz: 'ja', nichtErhalten: 'ja', haushalt: 'ja', richtigkeit: 'ja' };
const payout: Post = { kontoinhaber: 'Erika Mustermann', iban: 'DE02 1203 0000 0000 2020 51' };

const newborn: Record<string, Post> = {
  anlass: { anlass: 'geburt' },
  kind: {
    kindVornamen: 'Mia Sophie',
    kindFamilienname: 'Mustermann',
    kindGeburtsdatum: date('2026-09-14'),
    beziehungKind: 'mutter',
    weitererElternteil: 'ja',
    elternteil2: {
      vornamen: 'Max',
      familienname: 'Mustermann',
      geburtsdatum: date('1988-02-29'),
      gleicheAnschrift: 'ja',
    },
  },
  antragsteller: person,
  voraussetzungen: confirmations,
  auszahlung: payout,
};

const newResident: Record<string, Post> = {
  anlass: { anlass: 'zuzug' },
  zuzug: {
    zuzugsdatum: date('2026-08-01'),
    vorherImAusland: 'nein',
    vorherigeAnschrift: address('Kaiserstraße', '8', '06484', 'Quedlinburg'),
  },
  antragsteller: { ...person, anschrift: address('Hauptstraße', '2', '38879', 'Wernigerode OT Schierke') },
  voraussetzungen: { hauptwohnsitz: 'ja', nichtErhalten: 'ja', richtigkeit: 'ja' },
  auszahlung: { ...payout, bic: 'NOLADE21HRZ' },
};

describe('Begrüßungsgeld: happy paths', () => {
  it('newborn: anlass → kind → antragsteller → voraussetzungen → auszahlung', () => {
    const { answers, visited } = walkClean(def, newborn);
    expect(visited).toEqual(['anlass', 'kind', 'antragsteller', 'voraussetzungen', 'auszahlung']);
    expect(validateAnswers(def, answers, ctx)).toEqual([]);
    expect(answers.iban).toBe('DE02120300000000202051');
  });

  it('new resident: anlass → zuzug → antragsteller → voraussetzungen → auszahlung', () => {
    const { answers, visited } = walkClean(def, newResident);
    expect(visited).toEqual(['anlass', 'zuzug', 'antragsteller', 'voraussetzungen', 'auszahlung']);
    expect(validateAnswers(def, answers, ctx)).toEqual([]);
  });

  it('a single parent does not give a second parent', () => {
    const kind = { ...newborn.kind, weitererElternteil: 'nein', elternteil2: { vornamen: '' } } as Post;
    const { answers } = walkClean(def, { ...newborn, kind });
    expect(answers).not.toHaveProperty('elternteil2');
  });

  it('summarize shows the IBAN in groups of four and the second parent', () => {
    const { answers } = walkClean(def, newborn);
    const lines = summaryText(summarize(def, answers, ctx));
    expect(lines).toEqual(
      expect.arrayContaining([
        'Angaben zum Kind / Geburtsdatum des Kindes: 14.09.2026',
        'Angaben zum Kind / Weiterer Elternteil / Vorname(n): Max',
        'Angaben zum Kind / Weiterer Elternteil / Geburtsdatum: 29.02.1988',
        'Auszahlung / IBAN: DE02 1203 0000 0000 2020 51',
        'Auszahlung / BIC: Keine Angabe',
        'Voraussetzungen / Das Kind lebt in meinem Haushalt.: Ja',
      ]),
    );
    expect(lines.some((line) => line.startsWith('Angaben zum Zuzug'))).toBe(false);
    expect(lines.some((line) => line.includes('Weiterer Elternteil / Anschrift'))).toBe(false);
  });

  it('pruneHidden drops the child when the occasion changes to a move', () => {
    const { answers } = walkClean(def, newborn);
    const pruned = pruneHidden(def, { ...answers, anlass: 'zuzug' }, ctx);
    for (const gone of ['kindVornamen', 'kindGeburtsdatum', 'elternteil2', 'beziehungKind', 'haushalt']) {
      expect(pruned).not.toHaveProperty(gone);
    }
    expect(pruned.iban).toBe('DE02120300000000202051');
  });

  it('is a payout, not a fee: no fee lines; the amounts are stated as demo values', () => {
    const { answers } = walkClean(def, newborn);
    expect(computeFees(def, answers, ctx).totalCents).toBe(0);
    const info = JSON.stringify(def.steps[0]!.fields);
    expect(info).toContain('100 €');
    expect(info).toContain('50 €');
    expect(info).toContain('Demo-Werte');
  });
});

describe('Begrüßungsgeld: validation errors', () => {
  it('occasion missing', () => {
    expect(stepErrors(def, newborn, 'anlass', {})).toEqual([['anlass', 'required']]);
  });

  it.each([
    ['DE02 1203 0000 0000 2020 52', 'iban'],
    ['DE02 1203 0000 0000 2020', 'ibanLength'],
    ['XX02 1203 0000 0000 2020 51', 'iban'],
  ])('bad IBAN %s → %s', (iban, code) => {
    expect(stepErrors(def, newborn, 'auszahlung', { ...payout, iban })).toEqual([['iban', code]]);
  });

  it('a bad BIC; account holder and IBAN required', () => {
    expect(stepErrors(def, newborn, 'auszahlung', { ...payout, bic: 'NOLA' })).toEqual([['bic', 'pattern']]);
    expect(stepErrors(def, newborn, 'auszahlung', {})).toEqual([
      ['kontoinhaber', 'required'],
      ['iban', 'required'],
    ]);
  });

  it("the child's birth date: not in the future, within the last 12 months", () => {
    const kind = (iso: string) => ({ ...newborn.kind, kindGeburtsdatum: date(iso) }) as Post;
    expect(stepErrors(def, newborn, 'kind', kind('2026-12-05'))).toEqual([['kindGeburtsdatum', 'notFuture']]);
    expect(stepErrors(def, newborn, 'kind', kind('2025-11-29'))).toEqual([['kindGeburtsdatum', 'kindUnterEinemJahr']]);
    expect(stepErrors(def, newborn, 'kind', kind('2025-12-01'))).toEqual([]);
  });

  it('the move-in date: not in the future, within the last 12 months', () => {
    const zuzug = (iso: string) => ({ ...newResident.zuzug, zuzugsdatum: date(iso) }) as Post;
    expect(stepErrors(def, newResident, 'zuzug', zuzug('2026-12-01'))).toEqual([['zuzugsdatum', 'notFuture']]);
    const late = walk(def, { ...newResident, zuzug: zuzug('2025-10-01') });
    expect(late.errors.zuzug?.map((e) => [e.name, e.code, e.message])).toEqual([
      [
        'zuzugsdatum',
        'zuzugInnerhalbEinesJahres',
        'Das Begrüßungsgeld für neue Einwohnerinnen und Einwohner können Sie innerhalb von 12 Monaten nach dem Einzug beantragen. Ihr Einzug liegt länger zurück.',
      ],
    ]);
  });

  it('the second parent is required only when there is one', () => {
    const kind = { ...newborn.kind, elternteil2: { vornamen: '', gleicheAnschrift: 'nein' } } as Post;
    expect(stepErrors(def, newborn, 'kind', kind)).toEqual([
      ['elternteil2[vornamen]', 'required'],
      ['elternteil2[familienname]', 'required'],
      ['elternteil2[geburtsdatum]', 'required'],
      ['elternteil2[anschrift]', 'required'],
    ]);
    expect(stepErrors(def, newborn, 'kind', { ...kind, weitererElternteil: 'nein' })).toEqual([]);
  });

  it('the previous address: German address or country plus free address', () => {
    expect(stepErrors(def, newResident, 'zuzug', { zuzugsdatum: date('2026-08-01'), vorherImAusland: 'ja' })).toEqual([
      ['vorherigerStaat', 'required'],
      ['vorherigeAnschriftAusland', 'required'],
    ]);
    expect(
      stepErrors(def, newResident, 'zuzug', {
        zuzugsdatum: date('2026-08-01'),
        vorherImAusland: 'nein',
        vorherigeAnschrift: address('Kaiserstraße', '8', '6484', 'Quedlinburg'),
      }),
    ).toEqual([['vorherigeAnschrift', 'postcode']]);
  });

  it('the applicant must live in Wernigerode', () => {
    const elsewhere = { ...person, anschrift: address('Breiter Weg', '1', '39104', 'Magdeburg') };
    expect(stepErrors(def, newborn, 'antragsteller', elsewhere)).toEqual([['anschrift', 'wohnsitzWernigerode']]);
  });

  it('new residents apply as adults', () => {
    const teen = { ...newResident.antragsteller, geburtsdatum: date('2010-01-01') } as Post;
    expect(stepErrors(def, newResident, 'antragsteller', teen)).toEqual([['geburtsdatum', 'volljaehrigBeiZuzug']]);
    // Parents of a newborn are not checked for age by this rule.
    expect(stepErrors(def, newborn, 'antragsteller', { ...person, geburtsdatum: date('2008-05-05') })).toEqual([]);
  });

  it('every eligibility condition must be confirmed; the household only for a newborn', () => {
    expect(stepErrors(def, newborn, 'voraussetzungen', {})).toEqual([
      ['hauptwohnsitz', 'required'],
      ['nichtErhalten', 'required'],
      ['haushalt', 'required'],
      ['richtigkeit', 'required'],
    ]);
    expect(stepErrors(def, newResident, 'voraussetzungen', { hauptwohnsitz: 'ja' })).toEqual([
      ['nichtErhalten', 'required'],
      ['richtigkeit', 'required'],
    ]);
  });
});
