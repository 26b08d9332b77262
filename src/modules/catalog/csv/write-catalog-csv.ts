import { catalogColumns } from './catalog-row.ts';

function quote(value: string): string {
  return /[",\r\n]/.test(value) || value !== value.trim() ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Writes rows (objects keyed by catalog column) as CSV with the standard header, LF line ends. */
export function writeCatalogCsv(rows: Record<string, string>[]): string {
  const lines = [catalogColumns.join(',')];
  for (const row of rows) lines.push(catalogColumns.map((c) => quote(row[c] ?? '')).join(','));
  return `${lines.join('\n')}\n`;
}
