import type { FileField } from '../definition/types.ts';
import { DEFAULT_ACCEPT, DEFAULT_MAX_BYTES } from '../engine/fields/file.ts';
import type { UploadFieldLimits } from './multipart.ts';

/** Default for fields without `maxFiles`. */
export const DEFAULT_MAX_FILES = 5;

/** The upload limits of a definition's file field, with the engine's defaults (10 MB; PDF, JPEG, PNG). */
export function fileFieldLimits(field: FileField): UploadFieldLimits {
  return {
    id: field.id,
    maxBytes: field.maxBytes ?? DEFAULT_MAX_BYTES,
    accept: field.accept ?? DEFAULT_ACCEPT,
    maxFiles: field.maxFiles ?? DEFAULT_MAX_FILES,
  };
}
