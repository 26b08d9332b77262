import type { LoadedFace } from './fonts.ts';

/**
 * Makes user text drawable: NFC (so "u" + combining diaeresis becomes "ü"), line breaks unified, tabs as
 * spaces, other control characters dropped, and characters the font cannot draw replaced by "?" (with the
 * .notdef glyph they would be invisible and lost when copying).
 */
export function drawableText(text: string, face: LoadedFace): string {
  let out = '';
  for (const char of text.normalize('NFC').replace(/\r\n?/g, '\n').replace(/\t/g, '    ')) {
    const codePoint = char.codePointAt(0) ?? 0;
    if (char === '\n') out += char;
    else if (codePoint < 0x20 || (codePoint >= 0x7f && codePoint < 0xa0)) continue;
    else out += face.advance(codePoint) === undefined ? '?' : char;
  }
  return out;
}

/** Width of drawable text in points. */
export function textWidth(text: string, face: LoadedFace, size: number): number {
  let units = 0;
  for (const char of text) units += face.advance(char.codePointAt(0) ?? 0) ?? 0;
  return (units * size) / 1000;
}

/**
 * Splits drawable text into lines no wider than `maxWidth`: at explicit line breaks, then between words;
 * a word wider than a line (a checksum, a long e-mail address) is broken between characters.
 */
export function wrapText(text: string, face: LoadedFace, size: number, maxWidth: number): string[] {
  const lines: string[] = [];
  const space = textWidth(' ', face, size);
  for (const paragraph of text.split('\n')) {
    let line = '';
    let width = 0;
    for (const word of paragraph.split(/ +/)) {
      const wordWidth = textWidth(word, face, size);
      if (line && width + space + wordWidth <= maxWidth) {
        line += ` ${word}`;
        width += space + wordWidth;
        continue;
      }
      if (line) lines.push(line);
      const pieces = breakWord(word, face, size, maxWidth);
      lines.push(...pieces.slice(0, -1));
      line = pieces.at(-1) ?? '';
      width = textWidth(line, face, size);
    }
    lines.push(line);
  }
  return lines;
}

function breakWord(word: string, face: LoadedFace, size: number, maxWidth: number): string[] {
  if (textWidth(word, face, size) <= maxWidth) return [word];
  const pieces: string[] = [];
  let piece = '';
  for (const char of word) {
    if (piece && textWidth(piece + char, face, size) > maxWidth) {
      pieces.push(piece);
      piece = '';
    }
    piece += char;
  }
  pieces.push(piece);
  return pieces;
}
