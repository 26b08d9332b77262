import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formsValidateCommand } from '../../src/modules/forms/definition/forms-validate-command.ts';
import { ASSISTANT_IDS, loadAssistant } from './helpers.ts';

const fromRoot = (path: string) => new URL(`../../${path}`, import.meta.url).pathname;

describe.each(ASSISTANT_IDS)('shipped assistant %s', (id) => {
  it('passes sac forms validate', async () => {
    const result = await formsValidateCommand(fromRoot(`assistants/${id}.json`));
    expect(result.output).toContain('valid');
    expect(result.exitCode).toBe(0);
  });

  it('is named after its id, version 1.0.0, with English titles and step titles', () => {
    const def = loadAssistant(id);
    expect(def.id).toBe(id);
    expect(def.version).toBe('1.0.0');
    expect(def.languages).toEqual(['de', 'en']);
    expect(def.title).toMatchObject({ de: expect.any(String), en: expect.any(String) });
    for (const step of def.steps) expect(step.title, step.id).toMatchObject({ en: expect.any(String) });
  });

  it('names its legal basis and field sources and links LeiKa keys', () => {
    const def = loadAssistant(id);
    expect(def.metadata?.sources?.length).toBeGreaterThanOrEqual(2);
    expect(def.leikaKeys.length).toBeGreaterThan(0);
    for (const key of def.leikaKeys) expect(key).toMatch(/^99\d{12}$/);
    expect(def.consent?.required).toBe(true);
  });

  it('is kept readable: 2-space JSON with a final newline', () => {
    const text = readFileSync(fromRoot(`assistants/${id}.json`), 'utf8');
    expect(text).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
  });
});

describe('LeiKa keys', () => {
  it.each([
    ['urkundenbestellung', ['99027002012000', '99059004012000', '99079003012000', '99101004012000']],
    ['hundeanmeldung', ['99110009104000']],
    ['hundeabmeldung', ['99110009070000']],
    ['begruessungsgeld', ['99999001079000']],
    ['gewerbeanmeldung', ['99050012104000']],
  ])('%s → %j', (id, keys) => {
    expect(loadAssistant(id).leikaKeys).toEqual(keys);
  });
});

describe('CLI', () => {
  // One spawn is enough to prove the command works on a shipped file; formsValidateCommand covers all five above.
  it.each(['urkundenbestellung'])('sac forms validate assistants/%s.json exits with 0', (id) => {
    const output = execFileSync(
      process.execPath,
      [fromRoot('bin/sac.js'), 'forms', 'validate', fromRoot(`assistants/${id}.json`)],
      {
        encoding: 'utf8',
      },
    );
    expect(output).toContain(`valid (${id} 1.0.0`);
  });
});
