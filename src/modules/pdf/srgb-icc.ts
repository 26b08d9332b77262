/**
 * A small ICC v2 display profile for sRGB (D50-adapted primaries, the sRGB tone curve sampled at 256
 * points), built in code so no binary profile has to be shipped. Used as the PDF/A output intent.
 */

const TRC_POINTS = 256;

function s15Fixed16(value: number): number {
  return Math.round(value * 65536) | 0;
}

function xyzTag(x: number, y: number, z: number): Buffer {
  const tag = Buffer.alloc(20);
  tag.write('XYZ ', 0, 'ascii');
  tag.writeInt32BE(s15Fixed16(x), 8);
  tag.writeInt32BE(s15Fixed16(y), 12);
  tag.writeInt32BE(s15Fixed16(z), 16);
  return tag;
}

function curveTag(): Buffer {
  const tag = Buffer.alloc(12 + 2 * TRC_POINTS);
  tag.write('curv', 0, 'ascii');
  tag.writeUInt32BE(TRC_POINTS, 8);
  for (let i = 0; i < TRC_POINTS; i++) {
    const v = i / (TRC_POINTS - 1);
    const linear = v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    tag.writeUInt16BE(Math.round(linear * 65535), 12 + 2 * i);
  }
  return tag;
}

function textDescriptionTag(text: string): Buffer {
  // 'desc', reserved, ASCII count + text + NUL, Unicode language + count (0), ScriptCode code + count + 67 bytes.
  const tag = Buffer.alloc(12 + text.length + 1 + 8 + 3 + 67);
  tag.write('desc', 0, 'ascii');
  tag.writeUInt32BE(text.length + 1, 8);
  tag.write(text, 12, 'ascii');
  return tag;
}

function textTag(text: string): Buffer {
  const tag = Buffer.alloc(8 + text.length + 1);
  tag.write('text', 0, 'ascii');
  tag.write(text, 8, 'ascii');
  return tag;
}

const pad4 = (buffer: Buffer) => Buffer.concat([buffer, Buffer.alloc((4 - (buffer.length % 4)) % 4)]);

function buildProfile(): Uint8Array {
  const trc = curveTag();
  const tags: [string, Buffer][] = [
    ['desc', textDescriptionTag('sRGB IEC61966-2.1')],
    ['cprt', textTag('No copyright, use freely')],
    ['wtpt', xyzTag(0.9642, 1, 0.8249)],
    ['rXYZ', xyzTag(0.4361, 0.2225, 0.0139)],
    ['gXYZ', xyzTag(0.3851, 0.7169, 0.0971)],
    ['bXYZ', xyzTag(0.1431, 0.0606, 0.7141)],
    ['rTRC', trc],
    ['gTRC', trc],
    ['bTRC', trc],
  ];
  const table = Buffer.alloc(4 + 12 * tags.length);
  table.writeUInt32BE(tags.length, 0);
  const bodies: Buffer[] = [];
  const offsets = new Map<Buffer, number>();
  let offset = 128 + table.length;
  tags.forEach(([signature, data], index) => {
    let at = offsets.get(data);
    if (at === undefined) {
      at = offset;
      offsets.set(data, at);
      const padded = pad4(data);
      bodies.push(padded);
      offset += padded.length;
    }
    table.write(signature, 4 + 12 * index, 'ascii');
    table.writeUInt32BE(at, 8 + 12 * index);
    table.writeUInt32BE(data.length, 12 + 12 * index);
  });
  const header = Buffer.alloc(128);
  header.writeUInt32BE(offset, 0);
  header.writeUInt32BE(0x02100000, 8); // version 2.1
  header.write('mntrRGB XYZ ', 12, 'ascii');
  header.writeUInt16BE(2026, 24); // creation date: fixed, the profile never changes
  header.writeUInt16BE(1, 26);
  header.writeUInt16BE(1, 28);
  header.write('acsp', 36, 'ascii');
  header.writeInt32BE(s15Fixed16(0.9642), 68); // PCS illuminant D50
  header.writeInt32BE(s15Fixed16(1), 72);
  header.writeInt32BE(s15Fixed16(0.8249), 76);
  return new Uint8Array(Buffer.concat([header, table, ...bodies]));
}

/** The profile bytes (about 1 KB), built once. */
export const SRGB_ICC_PROFILE: Uint8Array = buildProfile();
