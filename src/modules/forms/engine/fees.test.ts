import { describe, expect, it } from 'vitest';
import type { AssistantDefinition } from '../definition/types.ts';
import { computeFees } from './fees.ts';
import { ctx, testDefinition as def } from './test-definition.ts';

describe('computeFees (10 € first, 5 € each further copy, per certificate type)', () => {
  it.each([
    [[{ art: 'geburt', anzahl: 1 }], [1000], 1000],
    [[{ art: 'geburt', anzahl: 3 }], [2000], 2000],
    [
      [
        { art: 'geburt', anzahl: 2 },
        { art: 'ehe', anzahl: 1 },
      ],
      [1500, 1000],
      2500,
    ],
    [[], [], 0],
    [[{ art: 'geburt' }], [], 0],
  ])('%j → %j', (urkunden, amounts, total) => {
    const result = computeFees(def, { urkunden, zweck: 'sonstiges' }, ctx);
    expect(result.lines.map((line) => line.amountCents)).toEqual(amounts);
    expect(result.totalCents).toBe(total);
  });

  it('labels lines in German with the option label and quantity', () => {
    const result = computeFees(def, { urkunden: [{ art: 'ehe', anzahl: 2 }], zweck: 'sonstiges' }, ctx);
    expect(result.lines).toEqual([
      { feeId: 'urkunde', label: 'Eheurkunde (2 Exemplare)', quantity: 2, amountCents: 1500, free: false },
    ]);
  });

  it('is free for the exempt purpose', () => {
    const result = computeFees(def, { urkunden: [{ art: 'geburt', anzahl: 3 }], zweck: 'rente' }, ctx);
    expect(result.lines[0]).toMatchObject({ amountCents: 0, free: true, quantity: 3 });
    expect(result.totalCents).toBe(0);
  });

  it('supports flat fees with conditions, ignoring hidden answers', () => {
    const flat: AssistantDefinition = {
      ...def,
      fees: [
        { id: 'express', label: 'Expressversand', unitCents: 450, when: 'zweck == "sonstiges"' },
        { id: 'rente', label: 'Bescheinigung', unitCents: 300, when: 'isNotEmpty(rentennummer)' },
      ],
    };
    expect(computeFees(flat, { zweck: 'sonstiges', rentennummer: 'R1' }, ctx)).toEqual({
      lines: [{ feeId: 'express', label: 'Expressversand', quantity: 1, amountCents: 450, free: false }],
      totalCents: 450,
    });
  });
});
