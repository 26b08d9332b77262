import type { InfoField } from '../../definition/types.ts';
import type { FieldType } from './field-type.ts';

/** Information text: shown, never answered, never summarised. */
export const infoType: FieldType<InfoField> = {
  takesInput: false,
  parse: () => ({ value: undefined }),
  format: () => '',
};
