/** A point of a decoded TrueType outline (fontkit's `Point`). */
export interface OutlinePoint {
  x: number;
  y: number;
  onCurve: boolean;
}

/**
 * Encodes outline contours as a simple TrueType glyph (`glyf` entry): header with bounding box, contour end
 * points, no instructions, one flag byte per point and 16-bit coordinate deltas. Deliberately unoptimised
 * (no short vectors, no repeated flags): the font stream is deflated anyway, and simple is easy to get right.
 * Returns an empty buffer for a glyph without contours (space); other glyphs are padded to 4 bytes.
 */
export function encodeSimpleGlyph(contours: OutlinePoint[][]): Buffer {
  const points = contours.flat();
  if (points.length === 0) return Buffer.alloc(0);
  const xs = points.map((point) => Math.round(point.x));
  const ys = points.map((point) => Math.round(point.y));
  const length = 10 + 2 * contours.length + 2 + points.length * 5;
  // Padded to 4 bytes: the short `loca` format stores offsets / 2, so every entry must have an even length.
  const bytes = Buffer.alloc(length + ((4 - (length % 4)) % 4));
  let at = bytes.writeInt16BE(contours.length, 0);
  at = bytes.writeInt16BE(Math.min(...xs), at);
  at = bytes.writeInt16BE(Math.min(...ys), at);
  at = bytes.writeInt16BE(Math.max(...xs), at);
  at = bytes.writeInt16BE(Math.max(...ys), at);
  let end = -1;
  for (const contour of contours) {
    end += contour.length;
    at = bytes.writeUInt16BE(end, at);
  }
  at = bytes.writeUInt16BE(0, at); // instruction length
  for (const point of points) at = bytes.writeUInt8(point.onCurve ? 1 : 0, at);
  let previous = 0;
  for (const x of xs) {
    at = bytes.writeInt16BE(x - previous, at);
    previous = x;
  }
  previous = 0;
  for (const y of ys) {
    at = bytes.writeInt16BE(y - previous, at);
    previous = y;
  }
  return bytes;
}
