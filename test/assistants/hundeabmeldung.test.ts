import { describe, expect, it } from 'vitest';
import { computeFees, pruneHidden, summarize, validateAnswers } from '../../src/modules/forms/engine/index.ts';
import { address, ctx, date, loadAssistant, type Post, stepErrors, summaryText, walkClean } from './helpers.ts';

const def = loadAssistant('hundeabmeldung');

const base: Record<string, Post> = {
  hund: { hundName: 'Bello', transponder: '276098106234567', steuermarke: 'MD-0815', gefaehrlich: 'nein' },
  halter: {
    vorname: 'Erika',
    familienname: 'Mustermann',
    geburtsdatum: date('1964-08-12'),
    anschrift: address('Heidestraße', '17', '39104', 'Magdeburg'),
  },
};

const byReason: Record<string, Post> = {
  tod: { grund: 'tod', todesdatum: date('2026-11-02') },
  abgabe: { grund: 'abgabe', abgabedatum: date('2026-11-15'), neuerHalterAngeben: 'nein' },
  abgabeMitHalter: {
    grund: 'abgabe',
    abgabedatum: date('2026-11-15'),
    neuerHalterAngeben: 'ja',
    neuerHalterName: 'Jörg Ødegaard',
    neuerHalterAnschrift: address('Marktplatz', '1', '38820', 'Halberstadt'),
  },
  wegzugInland: {
    grund: 'wegzug',
    wegzugsdatum: date('2026-12-15'),
    wegzugZiel: 'inland',
    neueAnschrift: address('Burgstraße', '3', '38855', 'Wernigerode'),
  },
  wegzugAusland: {
    grund: 'wegzug',
    wegzugsdatum: date('2026-12-15'),
    wegzugZiel: 'ausland',
    neuerStaat: '124',
    neueAnschriftAusland: 'Rue de la Paix 5\n1000 Bruxelles',
  },
};

describe('Hundeabmeldung: happy paths', () => {
  it.each(Object.keys(byReason))('reason %s walks hund → grund → halter without errors', (reason) => {
    const { answers, visited } = walkClean(def, { ...base, grund: byReason[reason]! });
    expect(visited).toEqual(['hund', 'grund', 'halter']);
    expect(validateAnswers(def, answers, ctx)).toEqual([]);
    expect(computeFees(def, answers, ctx).totalCents).toBe(0);
  });

  it('summarize shows the reason with its own date and address only', () => {
    const { answers } = walkClean(def, { ...base, grund: byReason.abgabeMitHalter! });
    const lines = summaryText(summarize(def, answers, ctx));
    expect(lines).toEqual(
      expect.arrayContaining([
        'Welchen Hund melden Sie ab? / Transpondernummer (Chipnummer): 276098106234567',
        'Grund der Abmeldung / Warum melden Sie den Hund ab?: Ich habe den Hund abgegeben oder verkauft',
        'Grund der Abmeldung / Tag der Abgabe: 15.11.2026',
        'Grund der Abmeldung / Name der neuen Halterin oder des neuen Halters: Jörg Ødegaard',
      ]),
    );
    expect(lines.some((line) => line.includes('Todestag') || line.includes('Wegzug'))).toBe(false);
  });

  it('summarize shows the country name of a move abroad', () => {
    const { answers } = walkClean(def, { ...base, grund: byReason.wegzugAusland! });
    expect(summaryText(summarize(def, answers, ctx))).toContain('Grund der Abmeldung / Staat: Belgien');
  });

  it('pruneHidden drops the answers of the reasons not chosen', () => {
    const { answers } = walkClean(def, { ...base, grund: byReason.abgabeMitHalter! });
    const pruned = pruneHidden(def, { ...answers, grund: 'tod', todesdatum: '2026-11-01' }, ctx);
    for (const gone of ['abgabedatum', 'neuerHalterAngeben', 'neuerHalterName', 'neuerHalterAnschrift']) {
      expect(pruned).not.toHaveProperty(gone);
    }
    expect(pruned.todesdatum).toBe('2026-11-01');
  });
});

describe('Hundeabmeldung: validation errors', () => {
  const posts = { ...base, grund: byReason.tod! };

  it('nothing entered', () => {
    expect(stepErrors(def, posts, 'hund', {})).toEqual([
      ['hundName', 'required'],
      ['transponder', 'required'],
      ['gefaehrlich', 'required'],
    ]);
    expect(stepErrors(def, posts, 'grund', {})).toEqual([['grund', 'required']]);
  });

  it('a bad transponder number', () => {
    expect(stepErrors(def, posts, 'hund', { ...base.hund, transponder: '27609810623456' })).toEqual([
      ['transponder', 'pattern'],
    ]);
  });

  it('each reason requires its date; death and hand-over cannot be in the future', () => {
    expect(stepErrors(def, posts, 'grund', { grund: 'tod' })).toEqual([['todesdatum', 'required']]);
    expect(stepErrors(def, posts, 'grund', { grund: 'tod', todesdatum: date('2026-12-01') })).toEqual([
      ['todesdatum', 'notFuture'],
    ]);
    expect(stepErrors(def, posts, 'grund', { ...byReason.abgabe, abgabedatum: date('2027-01-01') })).toEqual([
      ['abgabedatum', 'notFuture'],
    ]);
    expect(stepErrors(def, posts, 'grund', { grund: 'wegzug', wegzugZiel: 'inland' })).toEqual([
      ['wegzugsdatum', 'required'],
      ['neueAnschrift', 'required'],
    ]);
  });

  it('the new keeper is required for a listed (dangerous) breed, optional otherwise', () => {
    const dangerous = { ...posts, hund: { ...base.hund, gefaehrlich: 'ja' } as Post };
    const handOver = { grund: 'abgabe', abgabedatum: date('2026-11-15') };
    expect(stepErrors(def, dangerous, 'grund', handOver)).toEqual([
      ['neuerHalterName', 'required'],
      ['neuerHalterAnschrift', 'required'],
    ]);
    // Not dangerous: the citizen is asked whether to give it, and may say no.
    expect(stepErrors(def, posts, 'grund', handOver)).toEqual([['neuerHalterAngeben', 'required']]);
    expect(stepErrors(def, posts, 'grund', { ...handOver, neuerHalterAngeben: 'nein' })).toEqual([]);
    expect(stepErrors(def, posts, 'grund', { ...handOver, neuerHalterAngeben: 'ja' })).toEqual([
      ['neuerHalterName', 'required'],
      ['neuerHalterAnschrift', 'required'],
    ]);
    expect(stepErrors(def, dangerous, 'grund', byReason.abgabeMitHalter!)).toEqual([]);
  });

  it('a move abroad needs a country from the list and the address', () => {
    const abroad = { ...byReason.wegzugAusland, neuerStaat: '999', neueAnschriftAusland: '' } as Post;
    expect(stepErrors(def, posts, 'grund', abroad)).toEqual([
      ['neuerStaat', 'country'],
      ['neueAnschriftAusland', 'required'],
    ]);
  });

  it('a bad postcode of the new keeper', () => {
    const grund = {
      ...byReason.abgabeMitHalter,
      neuerHalterAnschrift: address('Marktplatz', '1', '3882', 'Halberstadt'),
    };
    expect(stepErrors(def, posts, 'grund', grund as Post)).toEqual([['neuerHalterAnschrift', 'postcode']]);
  });
});
