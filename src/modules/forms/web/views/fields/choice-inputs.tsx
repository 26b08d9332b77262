import type { ChoiceField, CountryField } from '../../../definition/types.ts';
import { inputValue, localize } from '../../../engine/index.ts';
import { describedBy, idFor } from '../../field-ids.ts';
import { tx } from '../../texts.ts';
import { ErrorText, FieldLabel, Hint, InputBlock, LabelText } from './field-chrome.tsx';
import type { FieldViewProps } from './field-props.ts';
import { listOf, textOf } from './raw-helpers.ts';

/** A select list of the field's options, or of a code list for `country`. */
export function SelectInput({ field, name, raw, answer, page }: FieldViewProps<ChoiceField | CountryField>) {
  const { lang } = page;
  const error = page.errors.get(name);
  const selected = textOf(inputValue(field, raw, answer));
  const options =
    field.type === 'country'
      ? (page.codeLists?.byKey(field.codeList)?.values ?? []).map((v) => ({ value: v.code, label: v.label }))
      : field.options.map((option) => ({ value: option.value, label: localize(option.label, lang) }));
  return (
    <InputBlock hasError={!!error}>
      <FieldLabel field={field} name={name} lang={lang} />
      <Hint field={field} name={name} lang={lang} />
      <div class="kern-form-input__select-wrapper">
        <select
          class={`kern-form-input__select${error ? ' kern-form-input__select--error' : ''}`}
          id={idFor(name)}
          name={name}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={describedBy(name, !!field.hint, !!error)}
          autocomplete={field.type === 'country' ? 'country' : undefined}
        >
          <option value="">{tx(lang, 'pleaseChoose')}</option>
          {options.map((option) => (
            <option key={option.value} value={option.value} selected={option.value === selected}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
      <ErrorText name={name} message={error?.message} lang={lang} />
    </InputBlock>
  );
}

/** Radios or checkboxes in a fieldset with the label as legend; the first option carries the field's id. */
export function OptionsInput({ field, name, raw, answer, page }: FieldViewProps<ChoiceField>) {
  const { lang } = page;
  const error = page.errors.get(name);
  const multiple = field.type === 'checkboxes';
  const chosen = new Set(listOf(inputValue(field, raw, answer)));
  const kind = multiple ? 'checkbox' : 'radio';
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
        {field.options.map((option, index) => {
          const id = index === 0 ? idFor(name) : `${idFor(name)}-${index}`;
          return (
            <div class={`kern-form-check${error ? ' kern-form-check--error' : ''}`} key={option.value}>
              <input
                class={`kern-form-check__${kind}${error ? ` kern-form-check__${kind}--error` : ''}`}
                id={id}
                name={name}
                type={kind}
                value={option.value}
                checked={chosen.has(option.value)}
                aria-invalid={error ? 'true' : undefined}
              />
              <label class="kern-label" for={id}>
                {localize(option.label, lang)}
              </label>
              {option.hint && <div class="kern-hint">{localize(option.hint, lang)}</div>}
            </div>
          );
        })}
      </div>
      <ErrorText name={name} message={error?.message} lang={lang} />
    </fieldset>
  );
}

/** One checkbox such as "Ich bin Kontoinhaberin oder Kontoinhaber." */
export function SingleCheckbox({ field, name, raw, answer, page }: FieldViewProps) {
  const { lang } = page;
  const error = page.errors.get(name);
  const text = textOf(inputValue(field, raw, answer)).trim();
  const checked = text !== '' && text !== 'false';
  return (
    <div class={`kern-form-check${error ? ' kern-form-check--error' : ''}`}>
      <input
        class={`kern-form-check__checkbox${error ? ' kern-form-check__checkbox--error' : ''}`}
        id={idFor(name)}
        name={name}
        type="checkbox"
        value="ja"
        checked={checked}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(name, !!field.hint, !!error)}
      />
      <label class="kern-label" for={idFor(name)}>
        {localize(field.label, lang)}
      </label>
      <Hint field={field} name={name} lang={lang} />
      <ErrorText name={name} message={error?.message} lang={lang} />
    </div>
  );
}
