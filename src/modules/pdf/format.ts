import { type RGB, rgb } from 'pdf-lib';
import type { PdfTexts } from './texts.ts';

const berlin = new Intl.DateTimeFormat('de-DE', {
  timeZone: 'Europe/Berlin',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZoneName: 'short',
});

/** 2026-11-30T13:05:00Z → "30.11.2026, 14:05 Uhr (MEZ)". Always Europe/Berlin, whatever the server's zone. */
export function formatBerlinTime(date: Date, texts: PdfTexts): string {
  const parts = Object.fromEntries(berlin.formatToParts(date).map((part) => [part.type, part.value]));
  const zone = parts.timeZoneName === 'MESZ' || parts.timeZoneName === 'CEST' ? 'MESZ' : 'MEZ';
  const clock = texts.clock ? ` ${texts.clock}` : '';
  return `${parts.day}.${parts.month}.${parts.year}, ${parts.hour}:${parts.minute}${clock} (${zone})`;
}

/** 123456 → "121 KB" (German decimal comma for MB). */
export function formatFileSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(Math.round((bytes / 1024 / 1024) * 10) / 10).toString().replace('.', ',')} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} Bytes`;
}

/** The payment status in words; unknown values are shown as given. */
export function paymentStatusText(status: string, texts: PdfTexts): string {
  return texts.statuses[status.toUpperCase()] ?? status;
}

const FALLBACK_COLOR = rgb(0.04, 0.29, 0.55);

/** "#0b5ea8" or "#abc" → pdf-lib colour; anything else falls back to a neutral blue. */
export function parseHexColor(hex: string): RGB {
  const match = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex.trim());
  if (!match?.[1]) return FALLBACK_COLOR;
  const digits = match[1].length === 3 ? [...match[1]].map((d) => d + d).join('') : match[1];
  const channel = (index: number) => Number.parseInt(digits.slice(index, index + 2), 16) / 255;
  return rgb(channel(0), channel(2), channel(4));
}
