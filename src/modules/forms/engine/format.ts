/** German display formats (research/ui.md §3.5). */
const euro = new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR' });
const decimal = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 10 });

/** 123456 → "1.234,56 €" */
export function formatCents(cents: number): string {
  return euro.format(cents / 100).replace(/\u00a0/g, ' ');
}

/** 1234.5 → "1.234,5" */
export function formatNumber(value: number): string {
  return decimal.format(value);
}

/** "1985-03-17" → "17.03.1985" */
export function formatIsoDate(iso: string): string {
  const [year, month, day] = iso.split('-');
  return `${day}.${month}.${year}`;
}

/** "DE89370400440532013000" → "DE89 3704 0044 0532 0130 00" */
export function formatIban(iban: string): string {
  return iban.replace(/(.{4})(?=.)/g, '$1 ');
}

/** 10485760 → "10 MB" */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${formatNumber(Math.round((bytes / 1024 / 1024) * 10) / 10)} MB`;
  if (bytes >= 1024) return `${formatNumber(Math.round(bytes / 1024))} KB`;
  return `${bytes} Bytes`;
}
