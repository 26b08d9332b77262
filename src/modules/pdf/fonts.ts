import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import type { PDFDocument } from 'pdf-lib';
import { type FontInternals, tuneFontForPdf } from './woff2-subset.ts';

/** The two faces the application PDF uses. */
export type FaceName = 'regular' | 'bold';

/** Fira Sans (SIL Open Font License 1.1) as shipped with KERN-UX. */
const FACE_FILES: Record<FaceName, string> = {
  regular: 'FiraSans-Regular.woff2',
  bold: 'FiraSans-SemiBold.woff2',
};

/** A parsed font plus what layout needs: advance widths per code point. */
export interface LoadedFace {
  name: FaceName;
  /** The font file; passed to pdf-lib, which hands it back to `pdfFontkit.create`. */
  bytes: Uint8Array;
  postscriptName: string;
  /** Advance width in 1/1000 em, or undefined when the font has no glyph for the code point. */
  advance(codePoint: number): number | undefined;
}

interface FontkitFont extends FontInternals {
  postscriptName: string;
  unitsPerEm: number;
  hasGlyphForCodePoint(codePoint: number): boolean;
  glyphForCodePoint(codePoint: number): { advanceWidth: number };
}

const require = createRequire(import.meta.url);
const fontDir = path.join(path.dirname(require.resolve('@kern-ux/native/package.json')), 'dist', 'fonts', 'fira-sans');

const parsed = new Map<Uint8Array, FontkitFont>();
const faces = new Map<FaceName, LoadedFace>();

/** The face, parsed once per process (parsing a WOFF2 file takes ~100 ms, so it must not happen per PDF). */
export function loadFace(name: FaceName): LoadedFace {
  const cached = faces.get(name);
  if (cached) return cached;
  const bytes = new Uint8Array(readFileSync(path.join(fontDir, FACE_FILES[name])));
  const font = fontkit.create(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)) as unknown as FontkitFont;
  tuneFontForPdf(font);
  parsed.set(bytes, font);
  const widths = new Map<number, number | undefined>();
  const scale = 1000 / font.unitsPerEm;
  const face: LoadedFace = {
    name,
    bytes,
    postscriptName: font.postscriptName,
    advance(codePoint) {
      if (!widths.has(codePoint)) {
        widths.set(
          codePoint,
          font.hasGlyphForCodePoint(codePoint) ? font.glyphForCodePoint(codePoint).advanceWidth * scale : undefined,
        );
      }
      return widths.get(codePoint);
    },
  };
  faces.set(name, face);
  return face;
}

/**
 * A fontkit for `PDFDocument.registerFontkit` that returns the already parsed (and patched) font for bytes
 * from `loadFace` instead of parsing them again.
 */
export const pdfFontkit = {
  create(bytes: Uint8Array) {
    const font = parsed.get(bytes);
    if (!font) throw new Error('pdf fonts: unknown font bytes; load them with loadFace()');
    return font;
  },
} as unknown as Parameters<PDFDocument['registerFontkit']>[0];
