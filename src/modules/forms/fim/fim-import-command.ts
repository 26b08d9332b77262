import { readFile, writeFile } from 'node:fs/promises';
import { loadCodeListFile } from '../codelists/load-code-list-file.ts';
import { shippedCodeLists } from '../codelists/shipped-code-lists.ts';
import type { Step } from '../definition/types.ts';
import { FimImportError } from './fim-import-error.ts';
import { importFim } from './import-fim.ts';

export interface CommandResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

const USAGE = 'Usage: sac fim import <file.xml> [--out <file.json>] [--check] [--codelists <file.json>]...';

interface Options {
  file: string;
  out?: string;
  check: boolean;
  codeListFiles: string[];
}

/**
 * `sac fim import <file.xml> [--out <file.json>] [--check] [--codelists <file.json>]…`
 * (`args` are the words after `sac fim`; a leading `import` is optional).
 * Prints the definition JSON (or writes it to `--out`); `--check` only validates and reports.
 * Warnings go to stderr; any failure is one line on stderr and exit code 1 (2 for wrong usage).
 */
export async function fimImportCommand(args: string[]): Promise<CommandResult> {
  const options = parseArgs(args[0] === 'import' ? args.slice(1) : args);
  if (typeof options === 'string') return { exitCode: 2, stdout: '', stderr: `error: ${options}\n${USAGE}\n` };
  try {
    return await run(options);
  } catch (error) {
    return { exitCode: 1, stdout: '', stderr: `error: ${describe(error)}\n` };
  }
}

async function run(options: Options): Promise<CommandResult> {
  let codeLists = shippedCodeLists;
  for (const file of options.codeListFiles) codeLists = codeLists.with(await loadCodeListFile(file));
  const xml = await readInput(options.file);
  const { definition, warnings } = importFim(xml, codeLists);
  const stderr = warnings.map((w) => `warning: ${w.path}: ${w.message}\n`).join('');
  const json = `${JSON.stringify(definition, null, 2)}\n`;
  if (options.check) {
    const fields = countFields(definition.steps);
    const summary = `OK: ${options.file} is importable as "${definition.id}" ${definition.version}: ${definition.steps.length} step(s), ${fields} field(s), ${warnings.length} warning(s)\n`;
    return { exitCode: 0, stdout: summary, stderr };
  }
  if (options.out) {
    await writeFile(options.out, json, 'utf8');
    return { exitCode: 0, stdout: `Wrote ${options.out} (${definition.id} ${definition.version})\n`, stderr };
  }
  return { exitCode: 0, stdout: json, stderr };
}

function parseArgs(args: string[]): Options | string {
  const files: string[] = [];
  const codeListFiles: string[] = [];
  let out: string | undefined;
  let check = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--check') check = true;
    else if (arg === '--out' || arg === '--codelists') {
      const value = args[++i];
      if (!value || value.startsWith('--')) return `${arg} needs a file name`;
      if (arg === '--out') out = value;
      else codeListFiles.push(value);
    } else if (arg.startsWith('--')) return `unknown option ${arg}`;
    else files.push(arg);
  }
  if (files.length !== 1)
    return files.length === 0 ? 'no input file given' : `one input file expected, got ${files.length}`;
  if (check && out) return '--check and --out cannot be combined';
  return { file: files[0]!, out, check, codeListFiles };
}

async function readInput(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new Error(`${file}: ${code === 'ENOENT' ? 'no such file' : `cannot read (${code ?? 'unknown error'})`}`);
  }
}

function countFields(steps: Step[]): number {
  const count = (fields: Step['fields']): number =>
    fields.reduce((sum, field) => sum + 1 + (field.type === 'group' ? count(field.fields) : 0), 0);
  return steps.reduce((sum, step) => sum + count(step.fields), 0);
}

function describe(error: unknown): string {
  if (error instanceof FimImportError) return error.message;
  if (error instanceof Error) return error.message.split('\n')[0]!;
  return String(error);
}
