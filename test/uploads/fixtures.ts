/** Small files with real magic bytes and a plaintext marker, plus disguised files that must be rejected. */
export const MARKER = 'SAC-PLAINTEXT-MARKER-4711';

export const pdf = Buffer.from(
  `%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n% ${MARKER}\ntrailer << /Root 1 0 R >>\n%%EOF\n`,
  'latin1',
);
export const pdfWithJavaScript = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >> endobj\n%%EOF\n',
  'latin1',
);
export const pdfWithEscapedJavaScript = Buffer.from(
  '%PDF-1.7\n1 0 obj << /OpenAction << /S /J#61vaScript /J#53 (x) >> >> endobj\n%%EOF\n',
  'latin1',
);
export const jpeg = Buffer.concat([
  Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]),
  Buffer.from(`JFIF ${MARKER}`),
  Buffer.from([0xff, 0xd9]),
]);
export const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from(`IHDR ${MARKER}`),
]);
export const exe = Buffer.concat([
  Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'),
  Buffer.from('This program cannot be run in DOS mode.'),
]);
export const html = Buffer.from('<!DOCTYPE html><html><body><script>alert(1)</script>%PDF-1.4</body></html>');
export const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.domain)</script></svg>');
export const eicar = Buffer.from('X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*');
