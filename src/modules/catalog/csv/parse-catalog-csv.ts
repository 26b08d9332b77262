import { parse } from 'csv-parse/sync';
import {
  type CatalogColumn,
  type CatalogRow,
  catalogColumns,
  leikaKeyPattern,
  type RowProblem,
  requiredColumns,
} from './catalog-row.ts';

export interface ParsedCatalog {
  rows: CatalogRow[];
  problems: RowProblem[];
  /** Data lines read (non-empty lines after the header). */
  read: number;
}

export class CatalogFileError extends Error {}

const maxNameLength = 500;
const maxTextLength = 4000;

/**
 * Parses and validates a catalog CSV (comma, double quotes, header row). Each record is one line, as in
 * the LeiKa export; a malformed line (unbalanced quote, wrong column count, bad key, missing name,
 * duplicate key) becomes a problem with its line number and is skipped, the rest is returned.
 * Throws CatalogFileError only when the header itself is unusable.
 */
export function parseCatalogCsv(text: string): ParsedCatalog {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = parseLine(lines[0] ?? '');
  if (!header) throw new CatalogFileError('Die Kopfzeile ist keine gültige CSV-Zeile.');
  const names = header.map((h) => h.trim().toLowerCase());
  const missing = requiredColumns.filter((c) => !names.includes(c));
  if (missing.length) throw new CatalogFileError(`In der Kopfzeile fehlen die Spalten: ${missing.join(', ')}.`);
  const index = new Map<CatalogColumn, number>();
  for (const c of catalogColumns) if (names.includes(c)) index.set(c, names.indexOf(c));

  const rows: CatalogRow[] = [];
  const problems: RowProblem[] = [];
  const firstLineOfKey = new Map<string, number>();
  let read = 0;
  for (let i = 1; i < lines.length; i++) {
    const raw = lines[i]!;
    if (raw.trim() === '') continue;
    read++;
    const line = i + 1;
    const fields = parseLine(raw);
    if (!fields) {
      problems.push({ line, reason: 'Ungültige CSV-Zeile (Anführungszeichen nicht geschlossen oder falsch gesetzt)' });
      continue;
    }
    if (fields.length !== header.length) {
      problems.push({ line, reason: `${fields.length} Spalten statt ${header.length}` });
      continue;
    }
    const get = (c: CatalogColumn) => {
      const at = index.get(c);
      const value = at === undefined ? '' : (fields[at] ?? '').trim().replace(/\s+/g, ' ');
      return value === '' ? null : value;
    };
    const result = toRow(line, get);
    if ('reason' in result) {
      problems.push(result);
      continue;
    }
    const earlier = firstLineOfKey.get(result.leikaKey);
    if (earlier !== undefined) {
      problems.push({
        line,
        reason: `Leistungsschlüssel ${result.leikaKey} kommt doppelt vor (zuerst in Zeile ${earlier})`,
      });
      continue;
    }
    firstLineOfKey.set(result.leikaKey, line);
    rows.push(result);
  }
  return { rows, problems, read };
}

function toRow(line: number, get: (c: CatalogColumn) => string | null): CatalogRow | RowProblem {
  const key = get('leika_schluessel');
  if (!key || !leikaKeyPattern.test(key)) {
    return {
      line,
      reason: `Leistungsschlüssel „${(key ?? '').slice(0, 40)}“ ist kein 14-stelliger LeiKa-Schlüssel (99…)`,
    };
  }
  const name = get('leika_name');
  if (!name) return { line, reason: 'Leistungsbezeichnung (leika_name) fehlt' };
  if (name.length > maxNameLength)
    return { line, reason: `Leistungsbezeichnung ist länger als ${maxNameLength} Zeichen` };
  const ozgId = get('ozg_leistung_id');
  if (ozgId && !/^\d{1,6}$/.test(ozgId)) {
    return { line, reason: `OZG-Leistungs-ID „${ozgId.slice(0, 40)}“ ist keine Zahl (Spalten verschoben?)` };
  }
  const long = catalogColumns.find((c) => (get(c)?.length ?? 0) > maxTextLength);
  if (long) return { line, reason: `Spalte ${long} ist länger als ${maxTextLength} Zeichen` };
  return {
    line,
    leikaKey: key,
    name,
    leistungstyp: get('leistungstyp'),
    rechtsgrundlage: get('rechtsgrundlage'),
    ozgLeistungId: ozgId,
    ozgLeistungName: get('ozg_leistung_name'),
    lebenslage: get('lebenslage'),
    themenfeld: get('themenfeld'),
  };
}

/** One CSV line → its fields, or undefined when it is not well-formed CSV. Lines without quotes take a fast path. */
function parseLine(line: string): string[] | undefined {
  if (!line.includes('"')) return line.split(',');
  try {
    const records = parse(line, { relax_column_count: true }) as string[][];
    return records.length === 1 ? records[0] : undefined;
  } catch {
    return undefined;
  }
}
