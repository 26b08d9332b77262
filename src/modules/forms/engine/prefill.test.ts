import { describe, expect, it } from 'vitest';
import type { AssistantDefinition } from '../definition/types.ts';
import { applyPrefill } from './prefill.ts';

const def: AssistantDefinition = {
  id: 'p',
  version: '1.0.0',
  title: 'P',
  languages: ['de'],
  leikaKeys: [],
  steps: [
    {
      id: 's',
      title: 'S',
      fields: [
        { id: 'vorname', type: 'text', label: 'Vorname', prefill: 'givenName' },
        { id: 'geburtsdatum', type: 'date', label: 'Geburtsdatum', prefill: 'birthDate' },
        { id: 'name', type: 'locked', label: 'Name', prefill: 'familyName' },
        { id: 'quelle', type: 'hidden', label: 'Quelle', value: 'bundid' },
      ],
    },
  ],
};

describe('applyPrefill', () => {
  it('fills fields from identity attributes and fixed values', () => {
    const result = applyPrefill(def, {}, { givenName: 'Anna', birthDate: '1985-03-17', familyName: 'Muster' });
    expect(result.answers).toEqual({ vorname: 'Anna', geburtsdatum: '1985-03-17', name: 'Muster', quelle: 'bundid' });
    expect(result.prefilled).toEqual(['vorname', 'geburtsdatum', 'name', 'quelle']);
  });

  it('keeps what the citizen already answered, but overrides locked values', () => {
    const result = applyPrefill(def, { vorname: 'Anne', name: 'Mallory' }, { givenName: 'Anna', familyName: 'Muster' });
    expect(result.answers).toMatchObject({ vorname: 'Anne', name: 'Muster' });
  });

  it('skips attributes that do not parse', () => {
    expect(applyPrefill(def, {}, { birthDate: 'gestern' }).answers).not.toHaveProperty('geburtsdatum');
  });
});
