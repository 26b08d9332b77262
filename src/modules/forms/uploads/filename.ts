const MAX_NAME_LENGTH = 100;
const FALLBACK_NAME = 'Datei';
/** C0/C1 controls, DEL, bidi embeddings/overrides/isolates and marks, zero-width and BOM characters. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
/** Characters reserved in file names on common systems or meaningful in headers. */
const RESERVED = /[<>:"/\\|?*;]/g;
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i;
const EXTENSION = /\.[A-Za-z0-9]{1,10}$/;

/**
 * Makes a client-supplied file name safe to store and show: drops any path (`../`, `..\`), control and
 * bidi characters and NUL, replaces reserved characters with `_`, normalises to NFC, trims dots and
 * spaces, and caps the length at 100 characters keeping the extension. Never used as a path on disk.
 */
export function sanitizeFilename(name: string): string {
  const lastSegment = name.normalize('NFC').replace(INVISIBLE, '').split(/[/\\]/).pop() ?? '';
  let clean = lastSegment
    .replace(RESERVED, '_')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, '');
  if (WINDOWS_DEVICE.test(clean)) clean = `_${clean}`;
  clean = capLength(clean);
  return clean === '' ? FALLBACK_NAME : clean;
}

function capLength(name: string): string {
  const chars = Array.from(name);
  if (chars.length <= MAX_NAME_LENGTH) return name;
  const extension = EXTENSION.exec(name)?.[0] ?? '';
  const stem = chars
    .slice(0, MAX_NAME_LENGTH - extension.length)
    .join('')
    .replace(/[\s.]+$/, '');
  return `${stem}${extension}`;
}

/**
 * `Content-Disposition: attachment` per RFC 6266 with an ASCII fallback and an RFC 5987 `filename*`.
 * The fallback keeps letters without diacritics and replaces everything else outside printable ASCII.
 */
export function attachmentDisposition(name: string): string {
  const safe = sanitizeFilename(name);
  const ascii =
    safe
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/ß/g, 'ss')
      .replace(/[^\x20-\x7e]/g, '_')
      .replace(/["\\%]/g, '_') || FALLBACK_NAME;
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeRfc5987(safe)}`;
}

function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
