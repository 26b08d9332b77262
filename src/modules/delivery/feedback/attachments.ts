import { AppError } from '../../../platform/errors.ts';
import type { OutgoingAttachment } from '../../account/inbox-api.ts';

export const MAX_ATTACHMENTS = 5;
export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;

/** What an office may send to a citizen, with the bytes each type must start with. */
const allowedTypes: Record<string, (b: Buffer) => boolean> = {
  'application/pdf': (b) => b.subarray(0, 5).toString('latin1') === '%PDF-',
  'image/png': (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'application/xml': (b) => b.subarray(0, 200).toString('utf8').trimStart().startsWith('<'),
  'text/plain': () => true,
};

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** A file name without path, control or reserved characters, at most 200 characters. */
export function safeFilename(name: string): string {
  const cleaned = [...name]
    .map((ch) => (ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f || '/\\:*?"<>|'.includes(ch) ? '_' : ch))
    .join('')
    .replace(/^\.+/, '')
    .trim()
    .slice(0, 200);
  return cleaned || 'anlage';
}

/** Decodes base64 attachments, checking count, size, type and the type's magic bytes (422 otherwise). */
export function decodeAttachments(
  input: { filename: string; mimeType: string; contentBase64: string }[],
): OutgoingAttachment[] {
  return input.map((a, i) => {
    const check = allowedTypes[a.mimeType];
    if (!check) {
      throw new AppError(
        'validation',
        `Anlage ${i + 1}: Dateityp ${a.mimeType} ist nicht erlaubt (PDF, PNG, JPEG, XML, Text).`,
      );
    }
    const base64 = a.contentBase64.replace(/\s+/g, '');
    if (!BASE64.test(base64) || base64.length % 4 !== 0) {
      throw new AppError('validation', `Anlage ${i + 1}: contentBase64 ist kein gültiges Base64.`);
    }
    const content = Buffer.from(base64, 'base64');
    if (content.length === 0) throw new AppError('validation', `Anlage ${i + 1} ist leer.`);
    if (content.length > MAX_ATTACHMENT_BYTES) {
      throw new AppError(
        'payload_too_large',
        `Anlage ${i + 1} ist größer als ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB.`,
      );
    }
    if (!check(content))
      throw new AppError('validation', `Anlage ${i + 1}: Der Inhalt passt nicht zum Typ ${a.mimeType}.`);
    return { filename: safeFilename(a.filename), mimeType: a.mimeType, content };
  });
}
