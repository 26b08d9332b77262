import type { FunctionComponent } from 'preact';
import type { Field, FieldTypeName } from '../../../definition/types.ts';
import { AddressInput } from './address-input.tsx';
import { OptionsInput, SelectInput, SingleCheckbox } from './choice-inputs.tsx';
import { DateInput } from './date-input.tsx';
import type { FieldViewProps } from './field-props.ts';
import { FileInput } from './file-input.tsx';
import { GroupFieldset } from './group-fieldset.tsx';
import { InfoText, LockedValue, Nothing } from './static-fields.tsx';
import { TextInput } from './text-input.tsx';

// biome-ignore lint/suspicious/noExplicitAny: each component takes its own field type; the map is keyed by it.
type AnyFieldView = FunctionComponent<FieldViewProps<any>>;

/** One view per field type: add a type here and in the engine's registry. */
export const fieldViews: Record<FieldTypeName, AnyFieldView> = {
  text: TextInput,
  textarea: TextInput,
  number: TextInput,
  integer: TextInput,
  currency: TextInput,
  email: TextInput,
  phone: TextInput,
  iban: TextInput,
  postcode: TextInput,
  time: TextInput,
  date: DateInput,
  select: SelectInput,
  country: SelectInput,
  radio: OptionsInput,
  checkboxes: OptionsInput,
  checkbox: SingleCheckbox,
  address: AddressInput,
  file: FileInput,
  info: InfoText,
  hidden: Nothing,
  locked: LockedValue,
  group: GroupFieldset,
};

/** Renders a field by its type; pre-filled fields the page marks as locked are shown read-only. */
export function FieldView(props: FieldViewProps<Field>) {
  const locked = !props.name.includes('[') && props.field.type !== 'hidden' && props.page.locked.has(props.field.id);
  const View = locked ? LockedValue : fieldViews[props.field.type];
  return <View {...props} />;
}
