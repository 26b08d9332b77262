/** The types SAC can recognise by content. A definition's `accept` may only narrow this list. */
export const SNIFFABLE_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type SniffableType = (typeof SNIFFABLE_TYPES)[number];

/** Display names for messages ("Erlaubt sind: PDF, JPEG, PNG"). */
export const TYPE_NAMES: Record<string, string> = {
  'application/pdf': 'PDF',
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
};

const SIGNATURES: Array<{ type: SniffableType; bytes: number[] }> = [
  { type: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { type: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
  { type: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
];

/** Bytes needed to recognise any supported type. */
export const SNIFF_BYTES = 8;

/**
 * The type of a file by its leading magic bytes (PDF `%PDF-` at offset 0, JPEG `FF D8 FF`, PNG's
 * eight-byte signature), or undefined for anything else — HTML, SVG, executables, text, ZIP, EICAR.
 * The name and the browser's claimed type are never consulted.
 */
export function sniffType(head: Buffer): SniffableType | undefined {
  return SIGNATURES.find((s) => s.bytes.every((byte, i) => head[i] === byte))?.type;
}

/** PDF name objects that start scripts or programs. `#xx` escapes in names are decoded first. */
const ACTIVE_PDF_NAMES = new Set(['JavaScript', 'JS', 'Launch']);
const PDF_NAME = /\/([^\s/[\]<>(){}%]{1,64})/g;

/**
 * True when a PDF declares JavaScript or a launch action (`/JavaScript`, `/JS`, `/Launch`, also written
 * with `#xx` escapes). Such files are rejected: evidence documents never need them. Names inside
 * compressed object streams are not visible to this check.
 */
export function pdfHasActiveContent(content: Buffer): boolean {
  const text = content.toString('latin1');
  for (const match of text.matchAll(PDF_NAME)) {
    const raw = match[1]!;
    const name = raw.includes('#')
      ? raw.replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)))
      : raw;
    if (ACTIVE_PDF_NAMES.has(name)) return true;
  }
  return false;
}
