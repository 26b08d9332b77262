import type { PageContext } from '../../../platform/render/layout.tsx';
import { CsrfField, StaffFrame } from '../views/staff-frame.tsx';

export interface StaffOidcFormValues {
  issuer: string;
  clientId: string;
  accountClaim: string;
  label: string;
}

function Field(p: {
  id: keyof StaffOidcFormValues | 'clientSecret';
  label: string;
  hint?: string;
  value?: string;
  type?: 'text' | 'url' | 'password';
  required?: boolean;
  invalid?: boolean;
}) {
  return (
    <div class={`kern-form-input${p.invalid ? ' kern-form-input--error' : ''}`}>
      <label class="kern-label" for={p.id}>
        {p.label}
      </label>
      {p.hint && (
        <div class="kern-hint" id={`${p.id}-hinweis`}>
          {p.hint}
        </div>
      )}
      <input
        class={`kern-form-input__input${p.invalid ? ' kern-form-input__input--error' : ''}`}
        id={p.id}
        name={p.id}
        type={(p.type ?? 'text') as 'text'}
        value={p.value ?? ''}
        autocomplete="off"
        spellcheck={false}
        required={p.required}
        aria-invalid={p.invalid ? 'true' : undefined}
        aria-describedby={p.hint ? `${p.id}-hinweis` : undefined}
      />
    </div>
  );
}

/** `/admin/:tenant/verwaltungskonto`: the municipality's OIDC login for its staff. */
export function StaffOidcAdminPage(p: {
  ctx: PageContext;
  csrf: string;
  tenant: { slug: string; name: string };
  values: StaffOidcFormValues;
  configured: boolean;
  hasSecret: boolean;
  problems?: string[];
  notice?: string;
  /** Where the provider sends the browser back (to register at the provider). */
  callbackUrl: string;
}) {
  const action = `/admin/${p.tenant.slug}/verwaltungskonto`;
  const title = 'Anmeldung mit dem Konto der Verwaltung';
  const invalid = !!p.problems?.length;
  return (
    <StaffFrame
      ctx={p.ctx}
      title={title}
      hasErrors={invalid}
      crumbs={[
        { label: 'Backoffice', href: '/backoffice' },
        { label: 'Administration', href: `/admin/${p.tenant.slug}` },
        { label: title },
      ]}
    >
      <h1 class="kern-heading-large">{title}</h1>
      {invalid && (
        <div class="kern-alert kern-alert--danger" id="fehler" tabindex={-1} autofocus role="alert">
          <div class="kern-alert__header">
            <span class="kern-icon kern-icon--danger" aria-hidden="true" />
            <h2 class="kern-title">Die Einstellungen wurden nicht gespeichert</h2>
          </div>
          <div class="kern-alert__body">
            <ul class="kern-list kern-list--bullet">
              {p.problems!.map((m) => (
                <li key={m}>
                  <a class="kern-link" href="#issuer">
                    {m}
                  </a>
                </li>
              ))}
            </ul>
          </div>
        </div>
      )}
      {p.notice && (
        <div class="kern-alert kern-alert--success" role="status">
          <div class="kern-alert__body">
            <p class="kern-body">{p.notice}</p>
          </div>
        </div>
      )}
      <p class="kern-body">
        Mitarbeitende der {p.tenant.name} können sich statt mit Passwort und Code auch mit dem Konto Ihrer Verwaltung
        anmelden (OpenID Connect). Angemeldet wird nur, wessen E-Mail-Adresse zu einem Konto im Backoffice mit einer
        Rolle in der {p.tenant.name} gehört. Vor dem Speichern prüfen wir, ob der Anmeldedienst erreichbar und
        vollständig eingerichtet ist.
      </p>
      <p class="kern-body">
        Rücksprungadresse für die Registrierung beim Anmeldedienst: <code>{p.callbackUrl}</code>
      </p>
      <form method="post" action={action} class="kern-stack">
        <CsrfField token={p.csrf} />
        <Field
          id="issuer"
          label="Aussteller (Issuer-URL)"
          hint="Zum Beispiel https://login.kommune.de/realms/verwaltung"
          type="url"
          value={p.values.issuer}
          required
          invalid={invalid}
        />
        <Field id="clientId" label="Client-ID" value={p.values.clientId} required />
        <Field
          id="clientSecret"
          label="Client-Geheimnis"
          hint={p.hasSecret ? 'Ein Geheimnis ist gespeichert. Leer lassen, um es zu behalten.' : undefined}
          type="password"
        />
        <Field
          id="accountClaim"
          label="Angabe mit der E-Mail-Adresse (Claim)"
          hint="Meist „email“."
          value={p.values.accountClaim}
          required
        />
        <Field id="label" label="Name des Anmeldedienstes (optional)" value={p.values.label} />
        <button type="submit" class="kern-btn kern-btn--primary">
          <span class="kern-label">Prüfen und speichern</span>
        </button>
      </form>
      {p.configured && (
        <form method="post" action={action}>
          <CsrfField token={p.csrf} />
          <input type="hidden" name="entfernen" value="1" />
          <button type="submit" class="kern-btn kern-btn--secondary">
            <span class="kern-label">Anmeldung mit dem Konto der Verwaltung abschalten</span>
          </button>
        </form>
      )}
    </StaffFrame>
  );
}
