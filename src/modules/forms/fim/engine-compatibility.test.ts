import { describe, expect, it } from 'vitest';
import { shippedCodeLists } from '../codelists/shipped-code-lists.ts';
import { submitStep, summarize } from '../engine/index.ts';
import { importFim } from './import-fim.ts';
import { readFixture } from './test-helpers.ts';

const ctx = { today: '2026-01-15', codeLists: shippedCodeLists };

describe('imported definitions work in the form engine', () => {
  const { definition } = importFim(readFixture('sac-v3-schema-all-types.xml'));

  it('asks for the required fields of every step when nothing is entered', () => {
    const required = definition.steps.map((step) =>
      submitStep(definition, step.id, { answers: {}, raw: {} }, {}, ctx).errors.map((e) => e.fieldId),
    );
    expect(required[0]).toEqual(['F60000000001']);
    expect(required[1]).toContain('F99000000003');
  });

  it('accepts a valid answer and summarizes it with the FIM labels', () => {
    const outcome = submitStep(
      definition,
      'S00000000159_allgemein',
      { answers: {}, raw: {} },
      { F60000000001: 'H' },
      ctx,
    );
    expect(outcome.errors).toEqual([]);
    const [step] = summarize(definition, outcome.answers, ctx);
    expect(step?.title).toBe('Hund anmelden');
    expect(JSON.stringify(step?.rows)).toContain('Hündin');
  });
});
