import type { Language } from '../../definition/types.ts';
import { tx } from '../texts.ts';

/** h1 with the assistant's title as preline. */
export function StepHeading({ title, assistantTitle }: { title: string; assistantTitle: string }) {
  return (
    <hgroup class="kern-hgroup">
      <p class="kern-preline">{assistantTitle}</p>
      <h1 class="kern-heading-large">{title}</h1>
    </hgroup>
  );
}

/** "Schritt X von Y" as KERN progress bar. */
export function StepProgress({ number, total, lang }: { number: number; total: number; lang: Language }) {
  if (number < 1) return null;
  const label = tx(lang, 'stepOf', { n: number, total });
  return (
    <div class="kern-progress">
      <label class="kern-label" for="fortschritt">
        {label}
      </label>
      <progress id="fortschritt" value={number} max={total}>
        {label}
      </progress>
    </div>
  );
}
