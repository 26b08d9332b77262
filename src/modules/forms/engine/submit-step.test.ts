import { describe, expect, it } from 'vitest';
import type { FormState } from './answers.ts';
import { submitStep } from './submit-step.ts';
import { ctx, testDefinition as def } from './test-definition.ts';

const empty: FormState = { answers: {}, raw: {} };

describe('submitStep', () => {
  it('turns a urlencoded post into typed answers', () => {
    const outcome = submitStep(
      def,
      'person',
      empty,
      {
        vorname: ' Anna ',
        'geburtsdatum[tag]': '7',
        'geburtsdatum[monat]': '3',
        'geburtsdatum[jahr]': '1985',
        'anschrift[strasse]': 'Breiter Weg',
        'anschrift[hausnummer]': '1',
        'anschrift[plz]': '39104',
        'anschrift[ort]': 'Magdeburg',
      },
      ctx,
    );
    expect(outcome.errors).toEqual([]);
    expect(outcome.answers).toEqual({
      vorname: 'Anna',
      geburtsdatum: '1985-03-07',
      anschrift: { strasse: 'Breiter Weg', hausnummer: '1', plz: '39104', ort: 'Magdeburg' },
    });
  });

  it('keeps exactly what was typed when there are errors', () => {
    const outcome = submitStep(
      def,
      'person',
      empty,
      { vorname: 'Anna', 'geburtsdatum[tag]': '31', 'geburtsdatum[monat]': '2', 'geburtsdatum[jahr]': '1985' },
      ctx,
    );
    expect(outcome.raw.geburtsdatum).toEqual({ tag: '31', monat: '2', jahr: '1985' });
    expect(outcome.errors.map((error) => [error.focus, error.message])).toEqual([
      ['geburtsdatum[tag]', 'Geben Sie bei „Geburtsdatum“ ein gültiges Datum ein, zum Beispiel 17 3 1985.'],
      ['anschrift[strasse]', 'Bitte füllen Sie das Feld „Anschrift“ aus.'],
    ]);
  });

  it('rejects a 1 MB text value with a message instead of failing', () => {
    const outcome = submitStep(def, 'person', empty, { vorname: 'x'.repeat(1024 * 1024) }, ctx);
    expect(outcome.errors[0]).toMatchObject({ fieldId: 'vorname', code: 'tooLong' });
    expect(outcome.answers.vorname).toBeUndefined();
  });

  it('ignores fields that are not in the step or not in the definition', () => {
    const outcome = submitStep(
      def,
      'zahlung',
      { answers: { vorname: 'Anna' }, raw: {} },
      { vorname: 'Mallory', admin: '1', iban: '' },
      ctx,
    );
    expect(outcome.answers).toEqual({ vorname: 'Anna' });
    expect(outcome.raw).not.toHaveProperty('admin');
  });

  it('drops answers that became hidden, including whole steps', () => {
    const state: FormState = { answers: { zweck: 'rente', rentennummer: '123' }, raw: { rentennummer: '123' } };
    const outcome = submitStep(
      def,
      'urkunden',
      state,
      { 'urkunden[0][art]': 'geburt', 'urkunden[0][anzahl]': '1', zweck: 'sonstiges', begruendung: 'x' },
      ctx,
    );
    expect(outcome.errors).toEqual([]);
    expect(outcome.answers).toEqual({ urkunden: [{ art: 'geburt', anzahl: 1 }], zweck: 'sonstiges', begruendung: 'x' });
    expect(outcome.raw).not.toHaveProperty('rentennummer');
  });

  it('renumbers posted items in index order and reports items beyond max', () => {
    const body: Record<string, string> = { zweck: 'rente' };
    for (const index of [7, 2, 3, 9]) {
      body[`urkunden[${index}][art]`] = 'geburt';
      body[`urkunden[${index}][anzahl]`] = String(index);
    }
    const outcome = submitStep(def, 'urkunden', empty, body, ctx);
    expect((outcome.answers.urkunden as { anzahl: number }[]).map((item) => item.anzahl)).toEqual([2, 3, 7, 9]);
    expect(outcome.errors.map((error) => `${error.name}:${error.code}`)).toEqual(['urkunden:tooManyItems']);
  });

  it('never takes hidden or locked values from the post', () => {
    const locked = {
      ...def,
      steps: [{ id: 's', title: 'S', fields: [{ id: 'name', type: 'locked' as const, label: 'Name' }] }],
    };
    const outcome = submitStep(locked, 's', { answers: { name: 'Anna' }, raw: {} }, { name: 'Mallory' }, ctx);
    expect(outcome.answers).toEqual({ name: 'Anna' });
  });
});
