import type { DateField } from '../../../definition/types.ts';
import { inputValue, localize } from '../../../engine/index.ts';
import { childName } from '../../../engine/names.ts';
import { describedBy, hintId, idFor } from '../../field-ids.ts';
import { tx } from '../../texts.ts';
import { ErrorText, LabelText } from './field-chrome.tsx';
import type { FieldViewProps } from './field-props.ts';
import { partsOf, textOf } from './raw-helpers.ts';

const parts = [
  { key: 'tag', label: 'day', width: 2, autocomplete: 'bday-day' },
  { key: 'monat', label: 'month', width: 2, autocomplete: 'bday-month' },
  { key: 'jahr', label: 'year', width: 4, autocomplete: 'bday-year' },
] as const;

/** A date as three inputs Tag/Monat/Jahr in a fieldset (KERN "Input Date"); birth dates get `bday-*` autofill. */
export function DateInput({ field, name, raw, answer, page }: FieldViewProps<DateField>) {
  const { lang } = page;
  const error = page.errors.get(name);
  const values = partsOf(inputValue(field, raw, answer));
  return (
    <fieldset
      class={`kern-fieldset${error ? ' kern-fieldset--error' : ''}`}
      aria-describedby={describedBy(name, true, !!error)}
    >
      <legend class="kern-label">
        <LabelText field={field} lang={lang} />
      </legend>
      <div class="kern-hint" id={hintId(name)}>
        {field.hint ? `${localize(field.hint, lang)} ` : ''}
        {tx(lang, 'dateHint')}
      </div>
      <div class="kern-fieldset__body kern-fieldset__body--horizontal">
        {parts.map((part) => {
          const partName = childName(name, part.key);
          const invalid = !!error;
          return (
            <div class="kern-form-input" key={part.key}>
              <label class="kern-label" for={idFor(partName)}>
                {tx(lang, part.label)}
              </label>
              <input
                class={`kern-form-input__input kern-form-input__input--width-${part.width}${invalid ? ' kern-form-input__input--error' : ''}`}
                id={idFor(partName)}
                name={partName}
                type="text"
                inputmode="numeric"
                maxlength={part.width}
                autocomplete={field.autocomplete === 'bday' ? part.autocomplete : undefined}
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
