import { readFileSync } from 'node:fs';
import { loadConfig } from '../../config/index.ts';
import { openDatabase } from '../../main.ts';
import { migrate } from '../../platform/db/migrate.ts';
import { CatalogFileError } from './csv/parse-catalog-csv.ts';
import { type ImportReport, importCatalog } from './ops/import-catalog.ts';

type Write = (text: string) => void;

/** Prints an import report: every skipped line with its reason, then the counts. */
export function printReport(report: ImportReport, out: Write, err: Write): void {
  for (const p of report.problems) err(`Zeile ${p.line}: ${p.reason} – übersprungen\n`);
  out(
    `Gelesen: ${report.read}, neu: ${report.inserted}, aktualisiert: ${report.updated}, unverändert: ${report.unchanged}, übersprungen: ${report.skipped} (${report.ms} ms)\n`,
  );
}

/** `sac catalog import <file.csv>`. Exit code 0 when imported (even with skipped lines), 1 when the file is unusable, 2 on bad usage. */
export async function runCatalogCommand(
  args: string[],
  out: Write = (s) => process.stdout.write(s),
  err: Write = (s) => process.stderr.write(s),
): Promise<number> {
  const [sub, file] = args;
  if (sub !== 'import' || !file) {
    err('Usage: sac catalog import <file.csv>\n');
    return 2;
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    err(`Datei nicht lesbar: ${file}\n`);
    return 1;
  }
  const config = loadConfig();
  const database = await openDatabase(config);
  try {
    await migrate(database);
    printReport(await importCatalog(database, text), out, err);
    return 0;
  } catch (error) {
    if (error instanceof CatalogFileError) {
      err(`${error.message}\n`);
      return 1;
    }
    throw error;
  } finally {
    await database.close();
  }
}
