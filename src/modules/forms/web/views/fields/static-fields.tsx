import type { InfoField } from '../../../definition/types.ts';
import { formatValue, localize } from '../../../engine/index.ts';
import { tx } from '../../texts.ts';
import type { FieldViewProps } from './field-props.ts';

/** An information text between the inputs. */
export function InfoText({ field, page }: FieldViewProps<InfoField>) {
  return (
    <div class="kern-alert kern-alert--info">
      <div class="kern-alert__body">
        {field.label && <p class="kern-body kern-body--bold">{localize(field.label, page.lang)}</p>}
        <p class="kern-body">{localize(field.text, page.lang)}</p>
      </div>
    </div>
  );
}

/** A pre-filled value shown read-only with a note; it is never read back from the post. */
export function LockedValue({ field, answer, page }: FieldViewProps) {
  const shown =
    answer === undefined || field.type === 'group'
      ? ''
      : formatValue(field, answer, { lang: page.lang, codeLists: page.codeLists });
  return (
    <dl class="kern-description-list">
      <div class="kern-description-list-item">
        <dt class="kern-description-list-item__key">{localize(field.label, page.lang)}</dt>
        <dd class="kern-description-list-item__value">
          <span class="sac-multiline">{shown}</span>
          <span class="kern-body kern-body--small kern-body--muted">
            {' '}
            {page.lockedNotes?.get(field.id) ?? tx(page.lang, 'locked')}
          </span>
        </dd>
      </div>
    </dl>
  );
}

/** Hidden fields render nothing: their value comes from the definition or the identity, never from the form. */
export function Nothing(_props: FieldViewProps) {
  return null;
}
