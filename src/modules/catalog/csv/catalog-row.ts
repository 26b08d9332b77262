/** Column names of a catalog CSV, as in the LeiKa/OZG export (`data/leika/ozg_nrw_leistungen_leika.csv`). */
export const catalogColumns = [
  'leika_schluessel',
  'leika_name',
  'leistungstyp',
  'rechtsgrundlage',
  'gesetze',
  'gesetz_kuerzel',
  'ozg_leistung_id',
  'ozg_leistung_name',
  'lebenslage',
  'themenfeld',
] as const;

export type CatalogColumn = (typeof catalogColumns)[number];

/** Columns without which a file cannot be imported. */
export const requiredColumns: readonly CatalogColumn[] = ['leika_schluessel', 'leika_name'];

/** One valid catalog row, values trimmed, empty optional values as null. */
export interface CatalogRow {
  /** 1-based line number in the file, for messages. */
  line: number;
  leikaKey: string;
  name: string;
  leistungstyp: string | null;
  rechtsgrundlage: string | null;
  ozgLeistungId: string | null;
  ozgLeistungName: string | null;
  lebenslage: string | null;
  themenfeld: string | null;
}

export interface RowProblem {
  line: number;
  reason: string;
}

export const leikaKeyPattern = /^99\d{12}$/;
