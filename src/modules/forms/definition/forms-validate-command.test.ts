import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formsValidateCommand } from './forms-validate-command.ts';

const dir = mkdtempSync(join(tmpdir(), 'sac-forms-validate-'));
const file = (name: string, content: string) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

const valid = {
  id: 'test',
  version: '0.1.0',
  title: 'Test',
  languages: ['de'],
  leikaKeys: [],
  steps: [{ id: 's', title: 'S', fields: [{ id: 'a', type: 'text', label: 'A' }] }],
};

describe('formsValidateCommand', () => {
  it('confirms a valid definition with exit code 0', async () => {
    const path = file('ok.json', JSON.stringify(valid));
    expect(await formsValidateCommand(path)).toEqual({ exitCode: 0, output: `${path}: valid (test 0.1.0, 1 steps)` });
  });

  it('lists every problem with its JSON path', async () => {
    const broken = {
      ...valid,
      steps: [
        {
          id: 's',
          title: 'S',
          fields: [
            { id: 'a', type: 'txt', label: 'A' },
            { id: 'b', type: 'text', label: 'B', when: 'c > 1' },
          ],
        },
      ],
    };
    const path = file('broken.json', JSON.stringify(broken));
    const result = await formsValidateCommand(path);
    expect(result.exitCode).toBe(1);
    expect(result.output).toContain(`${path}: 1 problem`);
    expect(result.output).toContain('/steps/0/fields/0/type: Unknown field type');
  });

  it('reports semantic problems after the structure is fine', async () => {
    const broken = {
      ...valid,
      steps: [{ id: 's', title: 'S', fields: [{ id: 'b', type: 'text', label: 'B', when: 'c > 1' }] }],
    };
    const result = await formsValidateCommand(file('semantic.json', JSON.stringify(broken)));
    expect(result.output).toContain(
      '/steps/0/fields/0/when: Expression "c > 1" refers to unknown field "c" (at position 0)',
    );
  });

  it.each([
    ['missing file', join(dir, 'nope.json'), 'file not found'],
    ['invalid JSON', file('bad.json', '{ "id": '), 'not valid JSON'],
  ])('fails cleanly on a %s', async (_name, path, message) => {
    const result = await formsValidateCommand(path);
    expect(result.exitCode).toBe(1);
    expect(result.output).toContain(message);
    expect(result.output).not.toContain('    at ');
  });
});
