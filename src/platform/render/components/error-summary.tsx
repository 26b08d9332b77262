export interface SummaryError {
  message: string;
  /** Link target: `#id` on the same page, or a URL of another step. */
  href: string;
}

/**
 * The KERN error summary at the top of a form page: focused on load (`autofocus`, works without
 * JavaScript), each message links to the input it is about. Callers give the title in their language.
 */
export function ErrorSummary({ title, errors }: { title: string; errors: SummaryError[] }) {
  if (errors.length === 0) return null;
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
            <li key={`${index}:${error.href}`}>
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
