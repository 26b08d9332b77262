import type { Field } from '../../../definition/types.ts';
import { inputValue } from '../../../engine/index.ts';
import { describedBy, idFor } from '../../field-ids.ts';
import { ErrorText, FieldLabel, Hint, InputBlock } from './field-chrome.tsx';
import type { FieldViewProps } from './field-props.ts';
import { textOf } from './raw-helpers.ts';

interface InputFlavour {
  type?: string;
  inputmode?: string;
  autocomplete?: string;
  width?: 2 | 4;
  suffix?: string;
  spellcheck?: boolean;
  autocapitalize?: string;
}

/** How each single-line type is typed best: keyboard, autofill and width. */
const flavours: Record<string, InputFlavour> = {
  text: {},
  number: { inputmode: 'decimal' },
  integer: { inputmode: 'numeric' },
  currency: { inputmode: 'decimal', suffix: '€' },
  email: { type: 'email', autocomplete: 'email', spellcheck: false },
  phone: { type: 'tel', autocomplete: 'tel' },
  iban: { autocomplete: 'off', spellcheck: false, autocapitalize: 'characters' },
  postcode: { inputmode: 'numeric', autocomplete: 'postal-code', width: 4 },
  time: { inputmode: 'numeric', width: 4 },
};

/** Single-line inputs (text, numbers, amounts, e-mail, phone, IBAN, postcode, time) and multi-line text. */
export function TextInput({ field, name, raw, answer, page }: FieldViewProps) {
  const { lang } = page;
  const error = page.errors.get(name);
  const value = textOf(inputValue(field, raw, answer));
  const flavour = flavours[field.type] ?? {};
  const classes = [
    'kern-form-input__input',
    flavour.width ? `kern-form-input__input--width-${flavour.width}` : '',
    error ? 'kern-form-input__input--error' : '',
  ]
    .filter(Boolean)
    .join(' ');
  const common = {
    id: idFor(name),
    name,
    class: classes,
    'aria-invalid': error ? ('true' as const) : undefined,
    'aria-describedby': describedBy(name, !!field.hint, !!error),
  };
  const unit = field.type === 'number' || field.type === 'integer' ? field.unit : flavour.suffix;
  const input =
    field.type === 'textarea' ? (
      <textarea {...common} rows={5} autocomplete={autocompleteOf(field)}>
        {value}
      </textarea>
    ) : (
      <input
        {...common}
        type={(flavour.type ?? 'text') as 'text'}
        value={value}
        inputmode={flavour.inputmode as never}
        autocomplete={autocompleteOf(field) ?? flavour.autocomplete}
        spellcheck={flavour.spellcheck}
        autocapitalize={flavour.autocapitalize as 'characters' | undefined}
      />
    );
  return (
    <InputBlock hasError={!!error}>
      <FieldLabel field={field} name={name} lang={lang} />
      <Hint field={field} name={name} lang={lang} />
      {unit ? (
        <div class="kern-input-group">
          {input}
          <span class="kern-input-group-text" aria-hidden="true">
            {unit}
          </span>
        </div>
      ) : (
        input
      )}
      <ErrorText name={name} message={error?.message} lang={lang} />
    </InputBlock>
  );
}

function autocompleteOf(field: Field): string | undefined {
  return field.type === 'text' || field.type === 'textarea' ? field.autocomplete : undefined;
}
