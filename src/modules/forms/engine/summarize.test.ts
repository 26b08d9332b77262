import { describe, expect, it } from 'vitest';
import type { AssistantDefinition } from '../definition/types.ts';
import { summarize } from './summarize.ts';
import { ctx, testDefinition as def } from './test-definition.ts';

const answers = {
  vorname: 'Anna',
  geburtsdatum: '1985-03-17',
  anschrift: { strasse: 'Breiter Weg', hausnummer: '1', plz: '01067', ort: 'Dresden' },
  urkunden: [
    { art: 'geburt', anzahl: 2 },
    { art: 'ehe', anzahl: 1, registernummer: 'E 12/1999' },
  ],
  zweck: 'sonstiges',
  begruendung: 'Ausland',
  rentennummer: 'hidden',
  iban: 'DE89370400440532013000',
  betrag: 123456,
};

describe('summarize', () => {
  const steps = summarize(def, answers, ctx);

  it('lists visible steps in definition order, leaving hidden steps out', () => {
    expect(steps.map((step) => step.stepId)).toEqual(['person', 'urkunden', 'zahlung']);
  });

  it('formats values the German way', () => {
    const person = steps[0]!.rows.map((row) => (row.kind === 'value' ? [row.label, row.displayValue] : []));
    expect(person).toEqual([
      ['Vorname', 'Anna'],
      ['Geburtsdatum', '17.03.1985'],
      ['E-Mail-Adresse', 'Keine Angabe'],
      ['Anschrift', 'Breiter Weg 1\n01067 Dresden'],
    ]);
    const payment = steps[2]!.rows.map((row) => (row.kind === 'value' ? row.displayValue : ''));
    expect(payment).toEqual(['DE89 3704 0044 0532 0130 00', '1.234,56 €']);
  });

  it('shows repeatable items as "Urkunde 1", "Urkunde 2" with their own visible fields', () => {
    const group = steps[1]!.rows[0]!;
    expect(group.kind).toBe('group');
    if (group.kind !== 'group') return;
    expect(
      group.items.map((item) => [
        item.label,
        item.name,
        item.rows.map((row) => row.kind === 'value' && row.displayValue),
      ]),
    ).toEqual([
      ['Urkunde 1', 'urkunden[0]', ['Geburtsurkunde', '2']],
      ['Urkunde 2', 'urkunden[1]', ['Eheurkunde', '1', 'E 12/1999']],
    ]);
  });

  it('gives form names for "Ändern" links', () => {
    const group = steps[1]!.rows[0]!;
    if (group.kind !== 'group') throw new Error('expected group');
    expect(group.items[1]!.rows[2]).toMatchObject({ name: 'urkunden[1][registernummer]' });
  });

  it('uses translations when asked', () => {
    const english = summarize(def, answers, { ...ctx, lang: 'en' });
    expect(english[0]!.rows[2]).toMatchObject({ displayValue: 'Not provided' });
  });

  it('leaves out hidden-type fields and shows locked ones', () => {
    const prefilled: AssistantDefinition = {
      ...def,
      steps: [
        {
          id: 's',
          title: 'S',
          fields: [
            { id: 'kennung', type: 'hidden', label: 'Kennung' },
            { id: 'name', type: 'locked', label: 'Name' },
          ],
        },
      ],
    };
    const [step] = summarize(prefilled, { kennung: 'x', name: 'Anna Muster' }, ctx);
    expect(step!.rows).toEqual([
      { kind: 'value', fieldId: 'name', name: 'name', label: 'Name', displayValue: 'Anna Muster', empty: false },
    ]);
  });
});
