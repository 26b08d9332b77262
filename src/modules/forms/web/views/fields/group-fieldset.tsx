import type { Field, GroupField } from '../../../definition/types.ts';
import type { Answers, RawObject, RawValue } from '../../../engine/index.ts';
import { applicableItemFields, localize } from '../../../engine/index.ts';
import { interpolate } from '../../../engine/localize.ts';
import { childName } from '../../../engine/names.ts';
import { idFor } from '../../field-ids.ts';
import { tx } from '../../texts.ts';
import { ErrorText, LabelText } from './field-chrome.tsx';
import type { FieldViewProps, PageFacts } from './field-props.ts';
import { FieldView } from './field-view.tsx';

/**
 * A group of fields. Repeatable groups show each item in its own fieldset ("Hund 2") with a remove
 * button, and an add button below: plain submit buttons (`aktion=add:hunde`, `remove:hunde:1`), no JavaScript.
 */
export function GroupFieldset({ field, name, raw, answer, page }: FieldViewProps<GroupField>) {
  const { lang } = page;
  const error = page.errors.get(name);
  if (!field.repeatable) {
    return (
      <fieldset class="kern-fieldset" id={idFor(name)}>
        <legend class="kern-label kern-label--large">
          <LabelText field={field} lang={lang} />
        </legend>
        <Items
          fields={field.fields}
          group={field}
          name={name}
          raw={objectOf(raw)}
          answers={objectOf(answer)}
          page={page}
          top={!name.includes('[')}
        />
      </fieldset>
    );
  }
  const rawItems = Array.isArray(raw) ? raw : [];
  const answerItems = Array.isArray(answer) ? (answer as Answers[]) : [];
  const count = Math.max(rawItems.length, answerItems.length, field.min ?? 0);
  const itemLabel = field.itemLabel ? localize(field.itemLabel, lang) : `${localize(field.label, lang)} {n}`;
  const canRemove = count > (field.min ?? 0);
  const canAdd = field.max === undefined || count < field.max;
  return (
    <section class="kern-stack-md" aria-labelledby={`${idFor(name)}-titel`}>
      <h2 class="kern-heading-small" id={`${idFor(name)}-titel`}>
        {localize(field.label, lang)}
      </h2>
      <div id={idFor(name)} tabindex={-1}>
        <ErrorText name={name} message={error?.message} lang={lang} />
      </div>
      {Array.from({ length: count }, (_, index) => {
        const itemName = childName(name, index);
        const label = interpolate(itemLabel, { n: index + 1 });
        return (
          <fieldset class="kern-fieldset sac-group-item" key={itemName} id={`${idFor(itemName)}-eintrag`}>
            <legend class="kern-label kern-label--large">{label}</legend>
            <Items
              fields={field.fields}
              group={field}
              name={itemName}
              raw={objectOf(rawItems[index])}
              answers={objectOf(answerItems[index])}
              page={page}
              top={!name.includes('[')}
            />
            {canRemove && (
              <button type="submit" name="aktion" value={`remove:${name}:${index}`} class="kern-btn kern-btn--tertiary">
                <span class="kern-label">
                  {field.removeLabel ? localize(field.removeLabel, lang) : tx(lang, 'remove')}
                  <span class="kern-sr-only">: {label}</span>
                </span>
              </button>
            )}
          </fieldset>
        );
      })}
      {canAdd && (
        <button type="submit" name="aktion" value={`add:${name}`} class="kern-btn kern-btn--secondary">
          <span class="kern-label">{field.addLabel ? localize(field.addLabel, lang) : tx(lang, 'add')}</span>
        </button>
      )}
    </section>
  );
}

interface ItemsProps {
  fields: Field[];
  group: GroupField;
  name: string;
  raw: RawObject;
  answers: Answers;
  page: PageFacts;
  top: boolean;
}

/** The shown fields of one item; conditions inside top-level groups are evaluated in the item. */
function Items({ fields, group, name, raw, answers, page, top }: ItemsProps) {
  const shown = top ? applicableItemFields(page.def, group, answers, page.answers, page) : fields;
  return (
    <div class="kern-fieldset__body kern-stack-md">
      {shown.map((child) => (
        <FieldView
          key={child.id}
          field={child}
          name={childName(name, child.id)}
          raw={raw[child.id]}
          answer={answers[child.id]}
          page={page}
        />
      ))}
    </div>
  );
}

function objectOf<T extends object>(value: unknown): T {
  return (value && typeof value === 'object' && !Array.isArray(value) ? value : {}) as T;
}

export type { RawValue };
