import type { Language } from '../../definition/types.ts';
import { tx } from '../texts.ts';

export interface SummaryError {
  message: string;
  /** Link target: `#id` on the same page, or a URL of another step. */
  href: string;
}

/**
 * The error summary at the top of the page: focused on load (`autofocus`, works without JavaScript),
 * each message links to the input it is about. The wording equals the inline messages.
 */
export function ErrorSummary({ errors, lang }: { errors: SummaryError[]; lang: Language }) {
  if (errors.length === 0) return null;
  const title = errors.length === 1 ? tx(lang, 'errorCount1') : tx(lang, 'errorCountN', { n: errors.length });
  return (
    <div
      class="kern-alert kern-alert--danger"
      id="fehlerliste"
      tabindex={-1}
      autofocus
      role="alert"
      aria-labelledby="fehlerliste-titel"
    >
      <div class="kern-alert__header">
        <span class="kern-icon kern-icon--danger" aria-hidden="true" />
        <h2 class="kern-title" id="fehlerliste-titel">
          {title}
        </h2>
      </div>
      <div class="kern-alert__body">
        <ul class="kern-list">
          {errors.map((error, index) => (
            <li key={index}>
              <a class="kern-link" href={error.href}>
                {error.message}
              </a>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
