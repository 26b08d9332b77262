/**
 * Reads a number as Germans type it: "1.234,56", "12,5", "-3"; also "12.5" (dot as decimal point
 * when it cannot be a thousands separator). Returns undefined for anything else.
 */
export function parseGermanNumber(input: string): number | undefined {
  const text = input.replace(/\s+/g, '');
  let normalized: string | undefined;
  if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(text)) normalized = text.replace(/\./g, '').replace(',', '.');
  else if (/^-?\d+(,\d+)?$/.test(text)) normalized = text.replace(',', '.');
  else if (/^-?\d+\.\d+$/.test(text)) normalized = text;
  if (normalized === undefined || normalized.replace(/\D/g, '').length > 15) return undefined;
  return Number(normalized);
}
