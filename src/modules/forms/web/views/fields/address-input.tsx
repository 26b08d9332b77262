import type { AddressField } from '../../../definition/types.ts';
import { inputValue } from '../../../engine/index.ts';
import { childName } from '../../../engine/names.ts';
import { describedBy, idFor } from '../../field-ids.ts';
import { type TextKey, tx } from '../../texts.ts';
import { ErrorText, Hint, LabelText } from './field-chrome.tsx';
import type { FieldViewProps } from './field-props.ts';
import { partsOf, textOf } from './raw-helpers.ts';

const parts: { key: string; label: TextKey; autocomplete: string; width?: 4; optional?: boolean }[] = [
  { key: 'strasse', label: 'street', autocomplete: 'address-line1' },
  { key: 'hausnummer', label: 'houseNumber', autocomplete: 'off', width: 4 },
  { key: 'adresszusatz', label: 'addressExtra', autocomplete: 'address-line2', optional: true },
  { key: 'plz', label: 'postcode', autocomplete: 'postal-code', width: 4 },
  { key: 'ort', label: 'city', autocomplete: 'address-level2' },
];

/** A German address (Anschrift Inland) as one fieldset; the error sits at the part it is about. */
export function AddressInput({ field, name, raw, answer, page }: FieldViewProps<AddressField>) {
  const { lang } = page;
  const error = page.errors.get(name);
  const values = partsOf(inputValue(field, raw, answer));
  return (
    <fieldset
      class={`kern-fieldset${error ? ' kern-fieldset--error' : ''}`}
      aria-describedby={describedBy(name, !!field.hint, !!error)}
    >
      <legend class="kern-label">
        <LabelText field={field} lang={lang} />
      </legend>
      <Hint field={field} name={name} lang={lang} />
      <div class="kern-fieldset__body">
        {parts.map((part) => {
          const partName = childName(name, part.key);
          const invalid = !!error && (error.focus === partName || error.focus === name);
          return (
            <div class={`kern-form-input${invalid ? ' kern-form-input--error' : ''}`} key={part.key}>
              <label class="kern-label" for={idFor(partName)}>
                {tx(lang, part.label)}
                {part.optional && <span class="kern-label__optional"> {tx(lang, 'optional')}</span>}
              </label>
              <input
                class={`kern-form-input__input${part.width ? ` kern-form-input__input--width-${part.width}` : ''}${invalid ? ' kern-form-input__input--error' : ''}`}
                id={idFor(partName)}
                name={partName}
                type="text"
                inputmode={part.key === 'plz' ? 'numeric' : undefined}
                autocomplete={part.autocomplete}
                aria-invalid={invalid ? 'true' : undefined}
                value={textOf(values[part.key])}
              />
            </div>
          );
        })}
      </div>
      <ErrorText name={name} message={error?.message} lang={lang} />
    </fieldset>
  );
}
