import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import fontkit from '@pdf-lib/fontkit';
import { PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { renderApplicationPdf } from '../../src/modules/pdf/index.ts';
import { rawStream } from './extract.ts';
import { exampleInput } from './fixtures.ts';

const require = createRequire(import.meta.url);
const fontFile = (name: string) =>
  readFileSync(path.join(path.dirname(require.resolve('@kern-ux/native/package.json')), 'dist/fonts/fira-sans', name));

interface OutlineFont {
  numGlyphs: number;
  getGlyph(id: number): { path: { toSVG(): string } };
  glyphForCodePoint(codePoint: number): { path: { toSVG(): string } };
}

/** The embedded FontFile2 programs, parsed again with fontkit. */
async function embeddedFonts(bytes: Uint8Array): Promise<Map<string, OutlineFont>> {
  const doc = await PDFDocument.load(bytes);
  const fonts = new Map<string, OutlineFont>();
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict) || object.get(PDFName.of('Type'))?.toString() !== '/FontDescriptor') continue;
    const name = object.get(PDFName.of('FontName'))?.toString().split('+')[1] ?? '';
    const program = rawStream(object, 'FontFile2');
    fonts.set(name, fontkit.create(inflateSync(program.contents)) as unknown as OutlineFont);
  }
  return fonts;
}

const SAMPLE =
  'AÄBCDEFGHIJKLMNOÖPQRSTUÜVWXYZaäbcdefghijklmnoöpqrsßtuüvwxyz0123456789 „“‚‘–—€§@&%()/:;.,!?*+-=ŁłŞşÇçéèêëÉ';

describe('embedded Fira Sans subsets', () => {
  it('carry the same outlines as the original WOFF2 font for every character drawn', async () => {
    const input = exampleInput();
    const step = input.summary[0]!;
    input.summary = [
      {
        ...step,
        rows: [{ kind: 'value', fieldId: 'x', name: 'x', label: SAMPLE, displayValue: SAMPLE, empty: false }],
      },
    ];
    const fonts = await embeddedFonts(await renderApplicationPdf(input));
    const regular = fonts.get('FiraSans-Regular');
    expect(regular).toBeDefined();
    const original = fontkit.create(fontFile('FiraSans-Regular.woff2')) as unknown as OutlineFont;
    const embeddedOutlines = new Set(
      Array.from({ length: regular!.numGlyphs }, (_, id) => regular!.getGlyph(id).path.toSVG()),
    );
    const missing = [...new Set(SAMPLE)].filter(
      (char) => !embeddedOutlines.has(original.glyphForCodePoint(char.codePointAt(0)!).path.toSVG()),
    );
    expect(missing).toEqual([]);
    // A subset, not the whole font (2631 glyphs).
    expect(regular!.numGlyphs).toBeLessThan(200);
  });
});
