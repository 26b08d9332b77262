import type { ComponentChildren } from 'preact';
import type { Field, Language } from '../../../definition/types.ts';
import { localize } from '../../../engine/index.ts';
import { errorId, hintId, idFor } from '../../field-ids.ts';
import { tx } from '../../texts.ts';

/** The visible label with "(optional)" for optional fields. */
export function LabelText({ field, lang }: { field: Field; lang: Language }) {
  return (
    <>
      {localize(field.label, lang)}
      {!field.required && field.type !== 'checkbox' && (
        <span class="kern-label__optional"> {tx(lang, 'optional')}</span>
      )}
    </>
  );
}

export function FieldLabel({ field, name, lang }: { field: Field; name: string; lang: Language }) {
  return (
    <label class="kern-label" for={idFor(name)}>
      <LabelText field={field} lang={lang} />
    </label>
  );
}

export function Hint({ field, name, lang }: { field: Field; name: string; lang: Language }) {
  if (!field.hint) return null;
  return (
    <div class="kern-hint" id={hintId(name)}>
      {localize(field.hint, lang)}
    </div>
  );
}

/** The inline message; its id is referenced by the input's `aria-describedby`. */
export function ErrorText({ name, message, lang }: { name: string; message: string | undefined; lang: Language }) {
  if (!message) return null;
  return (
    <p class="kern-error" id={errorId(name)}>
      <span class="kern-icon kern-icon--danger" aria-hidden="true" />
      <span class="kern-body">
        <span class="kern-sr-only">{tx(lang, 'errorPrefix')}</span> {message}
      </span>
    </p>
  );
}

/** Wrapper of a single input: `kern-form-input`, with the error modifier when needed. */
export function InputBlock({ hasError, children }: { hasError: boolean; children: ComponentChildren }) {
  return <div class={`kern-form-input${hasError ? ' kern-form-input--error' : ''}`}>{children}</div>;
}
