import { describe, expect, it } from 'vitest';
import type { Answers } from './answers.ts';
import { ctx, testDefinition as def } from './test-definition.ts';
import { validateAnswers } from './validate.ts';

const address = { strasse: 'Breiter Weg', hausnummer: '1', plz: '39104', ort: 'Magdeburg' };
const valid: Answers = {
  vorname: 'Anna',
  geburtsdatum: '1985-03-17',
  anschrift: address,
  urkunden: [{ art: 'geburt', anzahl: 2 }],
  zweck: 'rente',
  rentennummer: '12 170785 M 001',
};

const codes = (answers: Answers, stepId?: string) =>
  validateAnswers(def, answers, ctx, { stepId }).map((error) => `${error.focus}:${error.code}`);

describe('validateAnswers', () => {
  it('accepts a complete application', () => {
    expect(codes(valid)).toEqual([]);
  });

  it('reports missing required fields in definition order, focusing the first sub-input', () => {
    expect(codes({})).toEqual([
      'vorname:required',
      'geburtsdatum[tag]:required',
      'anschrift[strasse]:required',
      'urkunden:tooFewItems',
      'zweck:required',
    ]);
  });

  it('validates one step only when asked', () => {
    expect(codes({}, 'person')).toHaveLength(3);
    expect(codes({}, 'zahlung')).toEqual([]);
  });

  it('uses the per-field message override and German defaults', () => {
    const errors = validateAnswers(def, { ...valid, geburtsdatum: '2026-02-01', vorname: '' }, ctx);
    expect(errors.map((error) => error.message)).toEqual([
      'Bitte füllen Sie das Feld „Vorname“ aus.',
      'Das Geburtsdatum muss in der Vergangenheit liegen.',
    ]);
  });

  it('speaks English when asked', () => {
    const [error] = validateAnswers(def, { ...valid, vorname: '' }, { ...ctx, lang: 'en' });
    expect(error?.message).toBe('Please fill in “Vorname”.');
  });

  it('never validates hidden fields or steps', () => {
    const answers = { ...valid, zweck: 'sonstiges', begruendung: 'Ausland', rentennummer: '' };
    expect(codes(answers)).toEqual([]);
    expect(codes({ ...valid, zweck: 'sonstiges' })).toEqual(['begruendung:required']);
  });

  it('checks fields inside repeatable items with indexed names', () => {
    const answers = {
      ...valid,
      urkunden: [
        { art: 'geburt', anzahl: 2 },
        { art: 'fax', anzahl: 11 },
      ],
    };
    expect(codes(answers)).toEqual(['urkunden[1][art]:option', 'urkunden[1][anzahl]:max']);
  });

  it('reports parse issues instead of other checks', () => {
    const parseIssues = new Map([['vorname', { code: 'tooLong', params: { max: 10_000 } }]]);
    const errors = validateAnswers(def, { ...valid, vorname: undefined }, ctx, { parseIssues });
    expect(errors).toEqual([
      {
        fieldId: 'vorname',
        name: 'vorname',
        focus: 'vorname',
        code: 'tooLong',
        message: '„Vorname“ darf höchstens 10000 Zeichen lang sein.',
      },
    ]);
  });

  it('checks cross-field rules once the fields are filled and valid', () => {
    expect(codes({ ...valid, betrag: 60000 })).toEqual(['betrag:spendeGrenze']);
    expect(validateAnswers(def, { ...valid, betrag: 60000 }, ctx)[0]?.message).toBe(
      'Die Spende darf höchstens 500 € betragen.',
    );
    expect(codes({ ...valid, betrag: 50000 })).toEqual([]);
    expect(codes({ ...valid })).toEqual([]);
  });

  it('ignores answers for fields the definition does not know', () => {
    expect(codes({ ...valid, admin: true, __proto__x: 'y' } as Answers)).toEqual([]);
  });
});
