import type { Language } from '../../definition/types.ts';
import { tx } from '../texts.ts';

/**
 * The first submit button of a form is what Enter presses: a hidden "Weiter" comes first so that Enter
 * never triggers "Zurück" or a group's "Entfernen".
 */
export function DefaultSubmit({ lang }: { lang: Language }) {
  return (
    <button type="submit" name="aktion" value="weiter" hidden tabindex={-1}>
      {tx(lang, 'next')}
    </button>
  );
}

/** Zurück (when there is a previous page), Weiter (primary), Zwischenspeichern. */
export function StepButtons({
  lang,
  hasBack,
  canSave = true,
}: {
  lang: Language;
  hasBack: boolean;
  canSave?: boolean;
}) {
  return (
    <div class="kern-btn-wrapper">
      {hasBack && (
        <button type="submit" name="aktion" value="zurueck" class="kern-btn kern-btn--secondary">
          <span class="kern-label">{tx(lang, 'back')}</span>
        </button>
      )}
      <button type="submit" name="aktion" value="weiter" class="kern-btn kern-btn--primary">
        <span class="kern-label">{tx(lang, 'next')}</span>
      </button>
      {canSave && (
        <button type="submit" name="aktion" value="speichern" class="kern-btn kern-btn--tertiary">
          <span class="kern-label">{tx(lang, 'save')}</span>
        </button>
      )}
    </div>
  );
}
