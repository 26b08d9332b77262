import type { FileField } from '../../../definition/types.ts';
import { DEFAULT_ACCEPT } from '../../../engine/fields/file.ts';
import { formatBytes } from '../../../engine/format.ts';
import type { FileMeta } from '../../../engine/index.ts';
import { describedBy, idFor } from '../../field-ids.ts';
import { tx } from '../../texts.ts';
import { ErrorText, FieldLabel, Hint, InputBlock } from './field-chrome.tsx';
import type { FieldViewProps } from './field-props.ts';

/** Form name of the "remove this file" checkboxes; the value is the upload id. */
export const REMOVE_FILE_NAME = '_datei_entfernen';

/** Upload input; files already uploaded are listed with a checkbox to remove them. */
export function FileInput({ field, name, answer, page }: FieldViewProps<FileField>) {
  const { lang } = page;
  const error = page.errors.get(name);
  const files = Array.isArray(answer) ? (answer as FileMeta[]) : [];
  return (
    <InputBlock hasError={!!error}>
      <FieldLabel field={field} name={name} lang={lang} />
      <Hint field={field} name={name} lang={lang} />
      {files.length > 0 && (
        <fieldset class="kern-fieldset">
          <legend class="kern-label kern-label--small">{tx(lang, 'fileCurrent')}</legend>
          <div class="kern-fieldset__body">
            {files.map((file) => (
              <div class="kern-form-check" key={file.id}>
                <input
                  class="kern-form-check__checkbox"
                  id={`${idFor(name)}-entfernen-${file.id}`}
                  name={REMOVE_FILE_NAME}
                  type="checkbox"
                  value={file.id}
                />
                <label class="kern-label" for={`${idFor(name)}-entfernen-${file.id}`}>
                  {tx(lang, 'fileRemove')}: {file.name} ({formatBytes(file.size)})
                </label>
              </div>
            ))}
          </div>
        </fieldset>
      )}
      <input
        class={`kern-form-input__input${error ? ' kern-form-input__input--error' : ''}`}
        id={idFor(name)}
        name={name}
        type="file"
        accept={(field.accept ?? DEFAULT_ACCEPT).join(',')}
        multiple={(field.maxFiles ?? 5) > 1}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(name, !!field.hint, !!error)}
      />
      <ErrorText name={name} message={error?.message} lang={lang} />
    </InputBlock>
  );
}
