import { describe, expect, it } from 'vitest';
import type { AssistantDefinition } from '../definition/types.ts';
import { pruneHidden } from './prune-hidden.ts';
import { ctx, testDefinition as def } from './test-definition.ts';

describe('pruneHidden', () => {
  it('drops answers of a hidden step', () => {
    const pruned = pruneHidden(def, { zweck: 'sonstiges', begruendung: 'x', rentennummer: '123' }, ctx);
    expect(pruned).toEqual({ zweck: 'sonstiges', begruendung: 'x' });
  });

  it('keeps answers of a shown step and drops the hidden field', () => {
    const pruned = pruneHidden(def, { zweck: 'rente', begruendung: 'x', rentennummer: '123' }, ctx);
    expect(pruned).toEqual({ zweck: 'rente', rentennummer: '123' });
  });

  it('drops hidden fields inside repeatable items, per item', () => {
    const urkunden = [
      { art: 'geburt', anzahl: 1, registernummer: 'G 1' },
      { art: 'ehe', anzahl: 1, registernummer: 'E 2' },
    ];
    expect(pruneHidden(def, { urkunden }, ctx).urkunden).toEqual([
      { art: 'geburt', anzahl: 1 },
      { art: 'ehe', anzahl: 1, registernummer: 'E 2' },
    ]);
  });

  it('drops unknown ids and info fields', () => {
    expect(pruneHidden(def, { unbekannt: 'x', info: 'y', vorname: 'Anna' }, ctx)).toEqual({ vorname: 'Anna' });
  });

  it('follows chains: a field shown only by a hidden answer disappears too', () => {
    const chain: AssistantDefinition = {
      ...def,
      steps: [
        {
          id: 's',
          title: 'S',
          fields: [
            { id: 'c', type: 'text', label: 'C', when: 'b == "ja"' },
            { id: 'b', type: 'text', label: 'B', when: 'a == "ja"' },
            { id: 'a', type: 'text', label: 'A' },
          ],
        },
      ],
      rules: [],
      fees: [],
    };
    expect(pruneHidden(chain, { a: 'nein', b: 'ja', c: 'x' }, ctx)).toEqual({ a: 'nein' });
    expect(pruneHidden(chain, { a: 'ja', b: 'ja', c: 'x' }, ctx)).toEqual({ a: 'ja', b: 'ja', c: 'x' });
  });

  it('does not modify its input', () => {
    const answers = { zweck: 'sonstiges', rentennummer: '1' };
    pruneHidden(def, answers, ctx);
    expect(answers).toEqual({ zweck: 'sonstiges', rentennummer: '1' });
  });
});
