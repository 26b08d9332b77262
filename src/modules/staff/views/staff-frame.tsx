import type { ComponentChildren } from 'preact';
import { type Crumb, Layout, type PageContext } from '../../../platform/render/layout.tsx';

/** The page frame of the staff area (no municipality branding: an account may span several). */
export function StaffFrame(props: {
  ctx: PageContext;
  title: string;
  hasErrors?: boolean;
  crumbs?: Crumb[];
  children: ComponentChildren;
}) {
  return (
    <Layout
      ctx={props.ctx}
      title={props.title}
      hasErrors={props.hasErrors}
      crumbs={props.crumbs ?? [{ label: 'Backoffice', href: '/backoffice' }, { label: props.title }]}
    >
      {props.children}
    </Layout>
  );
}

/** The one error message of a staff form, announced and focused on load (works without JavaScript). */
export function ErrorAlert({ message, target }: { message: string | undefined; target: string }) {
  if (!message) return null;
  return (
    <div class="kern-alert kern-alert--danger" id="fehler" tabindex={-1} autofocus role="alert">
      <div class="kern-alert__header">
        <span class="kern-icon kern-icon--danger" aria-hidden="true" />
        <h2 class="kern-title">Anmeldung nicht möglich</h2>
      </div>
      <div class="kern-alert__body">
        <p class="kern-body">
          <a class="kern-link" href={`#${target}`}>
            {message}
          </a>
        </p>
      </div>
    </div>
  );
}

interface FieldProps {
  id: string;
  label: string;
  type?: 'text' | 'email' | 'password';
  value?: string | undefined;
  autocomplete: string;
  inputmode?: 'numeric' | 'text' | undefined;
  hint?: string | undefined;
  error?: boolean | undefined;
  errorText?: string | undefined;
}

/** A labelled single-line input in KERN style; the error text is tied in via `aria-describedby`. */
export function TextField(p: FieldProps) {
  const described = [p.hint ? `${p.id}-hinweis` : '', p.error && p.errorText ? `${p.id}-fehler` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div class={`kern-form-input${p.error ? ' kern-form-input--error' : ''}`}>
      <label class="kern-label" for={p.id}>
        {p.label}
      </label>
      {p.hint && (
        <div class="kern-hint" id={`${p.id}-hinweis`}>
          {p.hint}
        </div>
      )}
      {p.error && p.errorText && (
        <p class="kern-error" id={`${p.id}-fehler`}>
          <span class="kern-icon kern-icon--danger" aria-hidden="true" />
          <span class="kern-body">
            <span class="kern-sr-only">Fehler:</span> {p.errorText}
          </span>
        </p>
      )}
      <input
        class={`kern-form-input__input${p.error ? ' kern-form-input__input--error' : ''}`}
        id={p.id}
        name={p.id}
        type={(p.type ?? 'text') as 'text'}
        value={p.value ?? ''}
        autocomplete={p.autocomplete}
        inputmode={p.inputmode}
        spellcheck={false}
        autocapitalize="off"
        aria-invalid={p.error ? 'true' : undefined}
        aria-describedby={described || undefined}
        required
      />
    </div>
  );
}

export function CsrfField({ token }: { token: string }) {
  return <input type="hidden" name="_csrf" value={token} />;
}
