/**
 * Adjustments to a parsed fontkit font so that pdf-lib can embed WOFF2 subsets, quickly and deterministically.
 *
 * 1. fontkit's TrueType subsetter copies each glyph's raw bytes through the `loca` table. In a WOFF2 font
 *    `glyf` and `loca` are stored transformed, so those bytes are garbage and the embedded subset renders
 *    nothing. We keep fontkit's subset (tables, metrics) but re-encode every glyph from its decoded outline
 *    as a simple TrueType glyph (composites flattened; fontkit's own path-based glyph encoder mangles some
 *    glyphs, e.g. "A"). Hinting (`fpgm`, `prep`, `cvt `) is left out: PDF viewers do not need it, and
 *    encoding it dominated the subsetting time.
 * 2. `layout` maps characters to glyphs one to one (cmap only, cached per character). pdf-lib uses only
 *    the glyphs, never the positions, so kerning was never drawn; ligatures would only hurt copying and
 *    searching the text.
 *
 * This relies on fontkit internals (`_addGlyph`, `_getContours`, `stream`); `test/pdf/fonts.test.ts` guards it.
 */

import { encodeSimpleGlyph, type OutlinePoint } from './truetype-glyph.ts';

/** The parts of a fontkit glyph we use. */
export interface GlyphInternals {
  id: number;
  advanceWidth: number;
  _getContours(): OutlinePoint[][];
  _getMetrics(): { leftBearing: number };
}

/** The parts of a fontkit font we use. */
export interface FontInternals {
  getGlyph(id: number): GlyphInternals;
  glyphsForString(text: string): GlyphInternals[];
  createSubset(): SubsetInternals;
  stream: { buffer: Uint8Array };
  layout(text: string, features?: unknown): { glyphs: GlyphInternals[] };
}

/** fontkit bundles its own Buffer class and rejects Node's in its encoder streams. */
interface FontkitBuffer {
  from(bytes: Uint8Array): Uint8Array;
}

interface SubsetInternals {
  font: FontInternals;
  glyf: Uint8Array[];
  loca: { offsets: number[] };
  hmtx: { metrics: { advance: number; bearing: number }[] };
  offset: number;
  _addGlyph(gid: number): number;
}

/** Applies both adjustments to `font` in place. */
export function tuneFontForPdf(font: FontInternals): void {
  // Decoding a glyph decompresses the WOFF2 data (on the real font, not on the shadow below); the
  // decompressed data is an instance of fontkit's Buffer class.
  font.getGlyph(0)._getContours();
  const createSubset = font.createSubset;
  const withoutHinting = Object.create(font, {
    'cvt ': { value: undefined },
    prep: { value: undefined },
    fpgm: { value: undefined },
  }) as FontInternals;
  const encoded = new Map<number, Uint8Array>();
  const fontkitBuffer = font.stream.buffer.constructor as unknown as FontkitBuffer;
  font.createSubset = () => {
    const subset = createSubset.call(withoutHinting);
    subset._addGlyph = function addReencodedGlyph(this: SubsetInternals, gid: number): number {
      const glyph = this.font.getGlyph(gid);
      let bytes = encoded.get(gid);
      if (!bytes) {
        bytes = fontkitBuffer.from(encodeSimpleGlyph(glyph._getContours()));
        encoded.set(gid, bytes);
      }
      this.glyf.push(bytes);
      this.loca.offsets.push(this.offset);
      this.hmtx.metrics.push({ advance: glyph.advanceWidth, bearing: glyph._getMetrics().leftBearing });
      this.offset += bytes.length;
      return this.glyf.length - 1;
    };
    return subset;
  };
  const glyphs = new Map<string, GlyphInternals>();
  const glyphOf = (char: string) => {
    let glyph = glyphs.get(char);
    if (!glyph) {
      glyph = font.glyphsForString(char)[0]!;
      glyphs.set(char, glyph);
    }
    return glyph;
  };
  font.layout = (text: string) => ({ glyphs: Array.from(text, glyphOf) });
}
