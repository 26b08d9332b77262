import type { PageContext } from '../../../platform/render/layout.tsx';
import type { StaffOidcLogin } from '../oidc/config.ts';
import { StaffOidcLogins } from '../oidc/views.tsx';
import { CsrfField, ErrorAlert, StaffFrame, TextField } from './staff-frame.tsx';

export const loginFailedMessage = 'E-Mail-Adresse oder Passwort ist falsch.';

/** Step 1 of the staff login: e-mail address and password. */
export function LoginPage(props: {
  ctx: PageContext;
  csrf: string;
  email?: string;
  error?: string;
  notice?: string;
  /** Municipalities that offer the login with their own administration account (OIDC). */
  oidcLogins?: StaffOidcLogin[];
}) {
  return (
    <StaffFrame ctx={props.ctx} title="Anmeldung für Mitarbeitende" hasErrors={!!props.error} crumbs={[]}>
      <h1 class="kern-heading-large">Anmeldung für Mitarbeitende</h1>
      <ErrorAlert message={props.error} target="email" />
      {props.notice && (
        <div class="kern-alert kern-alert--info" role="status">
          <div class="kern-alert__body">
            <p class="kern-body">{props.notice}</p>
          </div>
        </div>
      )}
      <p class="kern-body">
        Hier melden sich Mitarbeitende der Kommunen und des Betriebs an. Nach dem Passwort fragen wir den Code Ihrer
        Authenticator-App ab.
      </p>
      <form method="post" action="/backoffice/anmelden" class="kern-stack">
        <CsrfField token={props.csrf} />
        <TextField
          id="email"
          label="E-Mail-Adresse"
          type="email"
          autocomplete="username"
          value={props.email}
          error={!!props.error}
        />
        <TextField
          id="password"
          label="Passwort"
          type="password"
          autocomplete="current-password"
          error={!!props.error}
        />
        <button type="submit" class="kern-btn kern-btn--primary">
          <span class="kern-label">Anmelden</span>
        </button>
      </form>
      <StaffOidcLogins logins={props.oidcLogins ?? []} csrf={props.csrf} />
    </StaffFrame>
  );
}
