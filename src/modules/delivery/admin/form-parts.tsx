import { ErrorSummary as PlatformErrorSummary } from '../../../platform/render/components/error-summary.tsx';

/** Small KERN form pieces of the delivery admin pages: error summary, field error, text input. */

/** The summary above a form that failed (platform component): one link per message to its field. */
export function ErrorSummary({ errors }: { errors: Array<{ fieldId: string; message: string }> }) {
  return (
    <PlatformErrorSummary
      title={errors.length === 1 ? 'Es gibt 1 Fehler' : `Es gibt ${errors.length} Fehler`}
      errors={errors.map((e) => ({ message: e.message, href: `#${e.fieldId}` }))}
    />
  );
}

export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p class="kern-error" id={`${id}-fehler`}>
      <span class="kern-icon kern-icon--danger" aria-hidden="true" />
      <span class="kern-body">
        <span class="kern-sr-only">Fehler:</span> {message}
      </span>
    </p>
  );
}

/** A labelled input with hint and error tied in through `aria-describedby`. */
export function TextInput(props: {
  id: string;
  name: string;
  label: string;
  hint?: string | undefined;
  type?: 'text' | 'url' | 'email' | 'password' | undefined;
  value: string;
  error?: string | undefined;
  required?: boolean;
  maxlength?: number;
}) {
  const { id, error } = props;
  const described = [props.hint ? `${id}-hinweis` : '', error ? `${id}-fehler` : ''].filter(Boolean).join(' ');
  return (
    <div class={`kern-form-input${error ? ' kern-form-input--error' : ''}`}>
      <label class="kern-label" for={id}>
        {props.label}
      </label>
      {props.hint && (
        <div class="kern-hint" id={`${id}-hinweis`}>
          {props.hint}
        </div>
      )}
      <FieldError id={id} message={error} />
      <input
        class={`kern-form-input__input${error ? ' kern-form-input__input--error' : ''}`}
        id={id}
        name={props.name}
        type={(props.type ?? 'text') as 'text'}
        value={props.value}
        autocomplete="off"
        spellcheck={false}
        maxlength={props.maxlength}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={described || undefined}
        required={props.required}
      />
    </div>
  );
}

const dateTime = new Intl.DateTimeFormat('de-DE', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'Europe/Berlin',
});

/** e.g. „15.01.2026, 10:00“ in German time. */
export const formatDateTime = (d: Date) => dateTime.format(d);
