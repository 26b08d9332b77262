import { describe, expect, it } from 'vitest';
import {
  attachmentDisposition,
  pdfHasActiveContent,
  sanitizeFilename,
  sniffType,
} from '../../src/modules/forms/uploads/index.ts';
import { eicar, exe, html, jpeg, pdf, pdfWithEscapedJavaScript, pdfWithJavaScript, png, svg } from './fixtures.ts';

describe('sanitizeFilename (F-16)', () => {
  it.each([
    ['../../etc/passwd', 'passwd'],
    ['..\\..\\windows\\x.pdf', 'x.pdf'],
    ['..', 'Datei'],
    ['', 'Datei'],
    ['   ', 'Datei'],
    ['a\u0000b.pdf', 'ab.pdf'],
    ['zeile\r\nzwei.pdf', 'zeilezwei.pdf'],
    ['rechnung\u202Efdp.exe', 'rechnungfdp.exe'],
    ['\u2066iso\u2069late.pdf', 'isolate.pdf'],
    ['a"b<c>d|e?f*g:h;i.pdf', 'a_b_c_d_e_f_g_h_i.pdf'],
    ['Bescheinigung Mu\u0308ller.pdf', 'Bescheinigung Müller.pdf'],
    ['.htaccess', 'htaccess'],
    ['con.pdf', '_con.pdf'],
    ['Zeugnis.pdf.', 'Zeugnis.pdf'],
    ['Straße  und   Platz.png', 'Straße und Platz.png'],
  ])('%j → %j', (input, expected) => {
    expect(sanitizeFilename(input)).toBe(expected);
  });

  it('caps at 100 characters, keeps the extension and whole characters', () => {
    expect(sanitizeFilename(`${'a'.repeat(1000)}.pdf`)).toBe(`${'a'.repeat(96)}.pdf`);
    const emoji = sanitizeFilename(`${'😀'.repeat(200)}.jpeg`);
    expect(Array.from(emoji)).toHaveLength(100);
    expect(emoji.endsWith('😀.jpeg')).toBe(true);
    expect(sanitizeFilename('x'.repeat(500))).toHaveLength(100);
  });
});

describe('attachmentDisposition', () => {
  it('gives an ASCII fallback and an RFC 5987 UTF-8 name', () => {
    expect(attachmentDisposition('Bescheinigung Müller (Kopie).pdf')).toBe(
      `attachment; filename="Bescheinigung Muller (Kopie).pdf"; filename*=UTF-8''Bescheinigung%20M%C3%BCller%20%28Kopie%29.pdf`,
    );
    expect(attachmentDisposition('Grüße.pdf')).toContain('filename="Grusse.pdf"');
    expect(attachmentDisposition('日本.pdf')).toContain('filename="__.pdf"');
    expect(attachmentDisposition('a"b\\c\r\nd.pdf')).toBe(`attachment; filename="cd.pdf"; filename*=UTF-8''cd.pdf`);
    expect(attachmentDisposition('50% "Rabatt".pdf')).toBe(
      `attachment; filename="50_ _Rabatt_.pdf"; filename*=UTF-8''50%25%20_Rabatt_.pdf`,
    );
  });
});

describe('sniffType and PDF active content (F-15)', () => {
  it('recognises PDF, JPEG and PNG by their first bytes only', () => {
    expect(sniffType(pdf)).toBe('application/pdf');
    expect(sniffType(jpeg)).toBe('image/jpeg');
    expect(sniffType(png)).toBe('image/png');
  });

  it.each([
    ['exe', exe],
    ['html', html],
    ['svg', svg],
    ['eicar', eicar],
    ['empty', Buffer.alloc(0)],
    ['pdf header not at the start', Buffer.concat([Buffer.from(' '), pdf])],
    ['truncated png signature', png.subarray(0, 6)],
    ['zip', Buffer.from('PK\u0003\u0004rest', 'latin1')],
  ])('rejects %s', (_label, content) => {
    expect(sniffType(content)).toBeUndefined();
  });

  it('finds /JavaScript, /JS and /Launch, also #-escaped, but not look-alike names', () => {
    expect(pdfHasActiveContent(pdfWithJavaScript)).toBe(true);
    expect(pdfHasActiveContent(pdfWithEscapedJavaScript)).toBe(true);
    expect(pdfHasActiveContent(Buffer.from('%PDF-1.4 << /S /Launch /F (cmd.exe) >>'))).toBe(true);
    expect(pdfHasActiveContent(pdf)).toBe(false);
    expect(pdfHasActiveContent(Buffer.from('%PDF-1.4 << /JSON 1 /JavaScriptX 2 /JSX 3 >>'))).toBe(false);
    // Conservative: the name inside a string literal counts too.
    expect(pdfHasActiveContent(Buffer.from('%PDF-1.4 << /Title (/JS) >>'))).toBe(true);
  });
});
