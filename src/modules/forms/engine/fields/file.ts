import type { FileField } from '../../definition/types.ts';
import type { FileMeta, RawValue } from '../answers.ts';
import { formatBytes } from '../format.ts';
import type { FieldType } from './field-type.ts';
import { rawText } from './raw-text.ts';

export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
export const DEFAULT_ACCEPT = ['application/pdf', 'image/jpeg', 'image/png'];
const ACCEPT_NAMES: Record<string, string> = { 'application/pdf': 'PDF', 'image/jpeg': 'JPEG', 'image/png': 'PNG' };

/** Uploads: the engine checks the metadata the upload module reports (size, detected MIME type, count). */
export const fileType: FieldType<FileField> = {
  takesInput: true,
  requiredMessage: 'requiredFile',
  parse(raw) {
    const files = entries(raw)
      .map(toFileMeta)
      .filter((file): file is FileMeta => file !== undefined);
    return { value: files.length > 0 ? files : undefined };
  },
  validate(value, field) {
    const files = value as FileMeta[];
    const maxBytes = field.maxBytes ?? DEFAULT_MAX_BYTES;
    const accept = field.accept ?? DEFAULT_ACCEPT;
    for (const file of files) {
      if (file.size > maxBytes)
        return { code: 'fileTooLarge', params: { file: file.name, maxSize: formatBytes(maxBytes) } };
      if (!accept.includes(file.mimeType)) {
        const names = accept.map((type) => ACCEPT_NAMES[type] ?? type).join(', ');
        return { code: 'fileType', params: { file: file.name, accept: names } };
      }
    }
    if (field.minFiles !== undefined && files.length < field.minFiles)
      return { code: 'tooFewFiles', params: { min: field.minFiles } };
    if (field.maxFiles !== undefined && files.length > field.maxFiles)
      return { code: 'tooManyFiles', params: { max: field.maxFiles } };
    return undefined;
  },
  format: (value) => (value as FileMeta[]).map((file) => `${file.name} (${formatBytes(file.size)})`).join('\n'),
  toRaw: (value) =>
    Array.isArray(value)
      ? (value as FileMeta[]).map((file) => ({
          id: file.id,
          name: file.name,
          size: String(file.size),
          mimeType: file.mimeType,
        }))
      : undefined,
};

function entries(raw: RawValue | undefined): RawValue[] {
  if (!raw || typeof raw === 'string') return [];
  return (Array.isArray(raw) ? raw : Object.values(raw).filter((entry) => entry !== undefined)).slice(0, 100);
}

function toFileMeta(raw: RawValue | undefined): FileMeta | undefined {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return undefined;
  const size = Number(rawText(raw.size));
  const meta = { id: rawText(raw.id), name: rawText(raw.name), size, mimeType: rawText(raw.mimeType) };
  return meta.id && meta.name && Number.isFinite(size) && size >= 0 ? meta : undefined;
}
