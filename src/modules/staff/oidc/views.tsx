import type { PageContext } from '../../../platform/render/layout.tsx';
import { CsrfField, StaffFrame } from '../views/staff-frame.tsx';
import type { StaffOidcLogin } from './config.ts';

export const staffOidcButtonText = 'Mit dem Konto der Verwaltung anmelden';

/** On the staff login page: one button per municipality that offers its own login (OIDC). */
export function StaffOidcLogins({ logins, csrf }: { logins: StaffOidcLogin[]; csrf: string }) {
  if (logins.length === 0) return null;
  return (
    <section class="kern-stack" aria-labelledby="verwaltungskonto">
      <h2 class="kern-heading-medium" id="verwaltungskonto">
        {staffOidcButtonText}
      </h2>
      <p class="kern-body">
        Ihre Verwaltung bietet die Anmeldung mit Ihrem dienstlichen Konto an. Sie werden dazu zum Anmeldedienst Ihrer
        Verwaltung weitergeleitet.
      </p>
      {logins.map((l) => (
        <form key={l.slug} method="post" action={`/backoffice/oidc/${l.slug}/anmelden`}>
          <CsrfField token={csrf} />
          <button type="submit" class="kern-btn kern-btn--secondary">
            <span class="kern-label">{`${staffOidcButtonText} – ${l.tenantName}${l.label ? ` (${l.label})` : ''}`}</span>
          </button>
        </form>
      ))}
    </section>
  );
}

/** The one answer to every refused administration-account login (the reason goes to the audit log). */
export function StaffOidcRefusedPage({ ctx, tenantName }: { ctx: PageContext; tenantName: string }) {
  return (
    <StaffFrame ctx={ctx} title="Anmeldung nicht möglich" crumbs={[]}>
      <h1 class="kern-heading-large">Anmeldung nicht möglich</h1>
      <div class="kern-alert kern-alert--danger" role="alert">
        <div class="kern-alert__body">
          <p class="kern-body">
            Mit diesem Konto der Verwaltung ist keine Anmeldung im Backoffice für „{tenantName}“ möglich. Entweder ist
            die Anmeldung abgebrochen oder nicht bestätigt worden, oder für Ihr Konto ist hier keine Rolle eingerichtet.
            Bitte wenden Sie sich an die Administration Ihrer Verwaltung.
          </p>
        </div>
      </div>
      <p>
        <a class="kern-link" href="/backoffice/anmelden">
          Zurück zur Anmeldung
        </a>
      </p>
    </StaffFrame>
  );
}

/** The municipality's login service could not be reached. */
export function StaffOidcUnavailablePage({ ctx }: { ctx: PageContext }) {
  return (
    <StaffFrame ctx={ctx} title="Anmeldedienst nicht erreichbar" crumbs={[]}>
      <h1 class="kern-heading-large">Anmeldedienst nicht erreichbar</h1>
      <p class="kern-body">
        Der Anmeldedienst Ihrer Verwaltung antwortet gerade nicht. Bitte versuchen Sie es später noch einmal oder melden
        Sie sich mit E-Mail-Adresse, Passwort und Code an.
      </p>
      <p>
        <a class="kern-link" href="/backoffice/anmelden">
          Zurück zur Anmeldung
        </a>
      </p>
    </StaffFrame>
  );
}
