import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formsValidateCommand } from '../definition/forms-validate-command.ts';
import { fimImportCommand } from './fim-import-command.ts';
import { fixturePath, SHARED_SAMPLES } from './test-helpers.ts';

const extraLists = ['--codelists', fixturePath('extra-codelists.json')];

describe('sac fim import', () => {
  it.each(SHARED_SAMPLES)('imports the shared sample %s', async (name) => {
    const result = await fimImportCommand(['import', fixturePath(name), ...extraLists]);
    expect(result.stderr).not.toMatch(/^error/m);
    expect(result.exitCode).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ languages: ['de'], leikaKeys: [] });
  });

  it('writes the definition to --out, which sac forms validate accepts', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'sac-fim-')), 'definition.json');
    const result = await fimImportCommand(['import', fixturePath('v2-data_simple.xml'), '--out', out]);
    expect(result).toMatchObject({ exitCode: 0, stdout: `Wrote ${out} (fim-t1234 1.0.0)\n` });
    expect(JSON.parse(readFileSync(out, 'utf8'))).toMatchObject({ id: 'fim-t1234', title: 'Test' });
    expect((await formsValidateCommand(out)).exitCode).toBe(0);
  });

  it('only validates and reports with --check, listing warnings on stderr', async () => {
    const result = await fimImportCommand([fixturePath('v3-data_simple.xml'), '--check']);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(
      /^OK: .*v3-data_simple\.xml is importable as "fim-g60000000088" 1\.2\.0: 1 step\(s\), 2 field\(s\), 1 warning\(s\)\n$/,
    );
    expect(result.stderr).toBe(
      'warning: /xdatenfelder.datenfeldgruppe.0103/datenfeldgruppe: Regel R60000000019 1.2.0 "Anschrift Inland Straßenanschrift / Anschrift Inland Postfachanschrift" kept as documentation only (metadata.fim.rules); it is not checked\n',
    );
  });

  it.each([
    ['not XML', 'broken/not-xml.txt', /^error: \/: not well-formed XML/],
    [
      'a wrong root element',
      'broken/wrong-root.xml',
      /^error: \/xdatenfelder\.datenfeld\.0104: unexpected root element/,
    ],
    ['a wrong namespace', 'broken/wrong-namespace.xml', /^error: \/xdatenfelder\.stammdatenschema\.0102: namespace/],
    [
      'anzahl 2:1',
      'broken/v2-anzahl-max-below-min.xml',
      /^error: \/.*\/datenfeldgruppe\/struktur\/anzahl: invalid anzahl "2:1"/,
    ],
    ['anzahl x', 'broken/v3-anzahl-not-a-number.xml', /^error: \/.*\/struktur\[2\]\/anzahl: invalid anzahl "x"/],
    [
      'an unknown code list',
      'broken/v3-unknown-code-list.xml',
      /^error: \/.*\/datenfeld\/codelisteReferenz: unknown code list/,
    ],
    ['the placeholder code list without --codelists', 'v2-data_select.xml', /^error: .*unknown code list C123/],
  ])('fails on %s with one message and no stack trace', async (_what, file, message) => {
    const result = await fimImportCommand(['import', fixturePath(file)]);
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).not.toMatch(/\s+at .*:\d+:\d+/);
  });

  it('fails cleanly on a missing file and on a bad code list file', async () => {
    const missing = await fimImportCommand(['import', '/nonexistent/schema.xml']);
    expect(missing).toEqual({ exitCode: 1, stdout: '', stderr: 'error: /nonexistent/schema.xml: no such file\n' });
    const badLists = await fimImportCommand([
      'import',
      fixturePath('v2-data_simple.xml'),
      '--codelists',
      fixturePath('v2-data_simple.xml'),
    ]);
    expect(badLists.exitCode).toBe(1);
    expect(badLists.stderr).toMatch(/^error: .*v2-data_simple\.xml: cannot read code lists: /);
  });

  it.each([
    [[], 'no input file given'],
    [['import', 'a.xml', 'b.xml'], 'one input file expected, got 2'],
    [['import', 'a.xml', '--out'], '--out needs a file name'],
    [['import', 'a.xml', '--verbose'], 'unknown option --verbose'],
    [['import', 'a.xml', '--check', '--out', 'x.json'], '--check and --out cannot be combined'],
  ])('rejects wrong usage %j with exit code 2', async (args, message) => {
    const result = await fimImportCommand(args);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe(
      `error: ${message}\nUsage: sac fim import <file.xml> [--out <file.json>] [--check] [--codelists <file.json>]...\n`,
    );
  });
});
