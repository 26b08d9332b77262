import { describe, expect, it } from 'vitest';
import { computeFees } from '../engine/fees.ts';
import { validateAnswers } from '../engine/validate.ts';
import example from './example-definition.json' with { type: 'json' };
import { formsValidateCommand } from './forms-validate-command.ts';
import { validateDefinition } from './validate-definition.ts';

describe('example-definition.json', () => {
  const result = validateDefinition(example);

  it('passes sac forms validate', async () => {
    expect(result).toMatchObject({ ok: true });
    const path = new URL('./example-definition.json', import.meta.url).pathname;
    expect(await formsValidateCommand(path)).toMatchObject({ exitCode: 0 });
  });

  it('drives the engine end to end', () => {
    if (!result.ok) throw new Error('invalid example');
    const ctx = { today: '2026-01-15' };
    const answers = {
      vorname: 'Anna',
      familienname: 'Muster',
      geburtsdatum: '2010-01-16',
      anschrift: { strasse: 'Breiter Weg', hausnummer: '1', plz: '39104', ort: 'Magdeburg' },
      hunde: [{ name: 'Bello', rasse: 'dackel', wurfdatum: '2024-05-01', haltungBeginn: '2024-04-01' }],
      ermaessigung: 'nein',
    };
    expect(validateAnswers(result.definition, answers, ctx).map((error) => `${error.focus}:${error.code}`)).toEqual([
      'geburtsdatum[tag]:volljaehrig',
      'hunde[0][haltungBeginn][tag]:notBefore',
    ]);
    expect(computeFees(result.definition, answers, ctx).lines).toEqual([
      { feeId: 'marke', label: 'Hundesteuermarke für Bello', quantity: 1, amountCents: 500, free: false },
    ]);
  });
});
