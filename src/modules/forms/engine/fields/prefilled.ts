import type { PrefilledField } from '../../definition/types.ts';
import type { FieldType } from './field-type.ts';
import { parseTrimmed } from './raw-text.ts';

/**
 * `hidden` and `locked`: values set by the caller (prefill, FIM vorbefuellung), never from a form post.
 * `parse` is only used for pre-filled input.
 */
export const prefilledType: FieldType<PrefilledField> = {
  takesInput: false,
  parse: (raw) => parseTrimmed(raw),
  format: (value) => String(value),
  toRaw: (value) => (typeof value === 'string' ? value : undefined),
};
