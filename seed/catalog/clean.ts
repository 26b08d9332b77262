/**
 * Produces seed/catalog/leika-services.csv from the KDN NRW dump (see README.md in this folder).
 *
 *   node --import tsx seed/catalog/clean.ts /work/shared/data/leika/ozg_nrw_leistungen_leika.csv seed/catalog/leika-services.csv
 *
 * Keeps rows with a 14-digit LeiKa key, drops test rows and rows whose columns are shifted, trims values
 * and restores dashes the dump turned into " _ ".
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { catalogColumns, leikaKeyPattern } from '../../src/modules/catalog/csv/catalog-row.ts';
import { writeCatalogCsv } from '../../src/modules/catalog/csv/write-catalog-csv.ts';

const themenfelder = new Set([
  'Arbeit & Ruhestand',
  'Bauen & Wohnen',
  'Bildung',
  'Ein- & Auswanderung',
  'Engagement & Hobby',
  'Familie & Kind',
  'Forschung & Förderung',
  'Gesundheit',
  'Mobilität & Reisen',
  'Querschnitt',
  'Recht & Ordnung',
  'Steuern & Zoll',
  'Umwelt',
  'Unternehmensführung & -entwicklung',
]);

const [input, output] = process.argv.slice(2);
if (!input || !output) {
  process.stderr.write('Usage: clean.ts <source.csv> <target.csv>\n');
  process.exit(2);
}

const records = parse(readFileSync(input), { columns: true, relax_column_count: true }) as Record<string, string>[];
const drop = { noKey: 0, test: 0, shifted: 0, duplicate: 0 };
const seen = new Set<string>();
const kept: Record<string, string>[] = [];
for (const raw of records) {
  const row: Record<string, string> = {};
  // The dump replaced dashes by " _ " ("§§ 17 _ 20a"); restore them.
  for (const c of catalogColumns) row[c] = (raw[c] ?? '').trim().replace(/\s+/g, ' ').replace(/ _ /g, ' – ');
  if (!leikaKeyPattern.test(row.leika_schluessel!)) {
    drop.noKey++;
    continue;
  }
  if (/^(a{3,}|test\b.*)$/i.test(row.leika_name!) || !row.leika_name) {
    drop.test++;
    continue;
  }
  const shifted =
    !/^[\d\s,/]*$/.test(row.leistungstyp!) ||
    !/^\d*$/.test(row.ozg_leistung_id!) ||
    (row.themenfeld !== '' && !themenfelder.has(row.themenfeld!)) ||
    themenfelder.has(row.lebenslage!);
  if (shifted) {
    process.stderr.write(`dropped (shifted columns): ${row.leika_schluessel} ${row.leika_name}\n`);
    drop.shifted++;
    continue;
  }
  if (seen.has(row.leika_schluessel!)) {
    drop.duplicate++;
    continue;
  }
  seen.add(row.leika_schluessel!);
  kept.push(row);
}
writeFileSync(output, writeCatalogCsv(kept));
process.stdout.write(`read ${records.length}, kept ${kept.length}, dropped ${JSON.stringify(drop)}\n`);
