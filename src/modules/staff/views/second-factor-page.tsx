import type { PageContext } from '../../../platform/render/layout.tsx';
import { CsrfField, ErrorAlert, StaffFrame, TextField } from './staff-frame.tsx';

export const secondFactorFailedMessage = 'Der Code ist falsch oder abgelaufen. Bitte geben Sie den aktuellen Code ein.';

export interface Enrolment {
  /** `data:image/svg+xml;base64,…` of the QR code (the CSP allows data: images, no scripts). */
  qrDataUri: string;
  /** The secret in groups of four for manual entry. */
  secretGroups: string;
}

/** Step 2: the TOTP code (or a recovery code); on first login the enrolment with QR code. */
export function SecondFactorPage(props: { ctx: PageContext; csrf: string; enrolment?: Enrolment; error?: string }) {
  const { enrolment } = props;
  const title = enrolment ? 'Zwei-Faktor-Anmeldung einrichten' : 'Bestätigungscode eingeben';
  return (
    <StaffFrame ctx={props.ctx} title={title} hasErrors={!!props.error} crumbs={[]}>
      <h1 class="kern-heading-large">{title}</h1>
      <ErrorAlert message={props.error} target="code" />
      {enrolment ? (
        <>
          <p class="kern-body">
            Für das Backoffice brauchen Sie einen zweiten Faktor. Scannen Sie den QR-Code mit einer Authenticator-App
            (zum Beispiel FreeOTP, Aegis oder Google Authenticator) und geben Sie dann den angezeigten sechsstelligen
            Code ein.
          </p>
          <img src={enrolment.qrDataUri} alt="QR-Code zum Einrichten der Authenticator-App" width={200} height={200} />
          <p class="kern-body">
            Kein Scanner? Geben Sie in der App diesen Schlüssel von Hand ein (zeitbasiert, 6 Ziffern, 30 Sekunden):
          </p>
          <p class="kern-body kern-body--bold">
            <code>{enrolment.secretGroups}</code>
          </p>
        </>
      ) : (
        <p class="kern-body">
          Geben Sie den sechsstelligen Code aus Ihrer Authenticator-App ein. Haben Sie keinen Zugriff auf die App,
          können Sie einen Ihrer Wiederherstellungscodes verwenden; jeder gilt nur einmal.
        </p>
      )}
      <form method="post" action="/backoffice/zwei-faktor" class="kern-stack">
        <CsrfField token={props.csrf} />
        <TextField
          id="code"
          label={enrolment ? 'Code aus der App' : 'Code aus der App oder Wiederherstellungscode'}
          autocomplete="one-time-code"
          inputmode={enrolment ? 'numeric' : 'text'}
          hint={enrolment ? 'Sechs Ziffern, zum Beispiel 123456' : 'Sechs Ziffern oder ein Code wie ABCD-EFGH-JKLM'}
          error={!!props.error}
        />
        <button type="submit" class="kern-btn kern-btn--primary">
          <span class="kern-label">{enrolment ? 'Einrichten und anmelden' : 'Anmelden'}</span>
        </button>
      </form>
      <p class="kern-body">
        <a class="kern-link" href="/backoffice/anmelden">
          Abbrechen und neu anmelden
        </a>
      </p>
    </StaffFrame>
  );
}

/** Shown once after enrolment: the recovery codes, stored only as hashes. */
export function RecoveryCodesPage(props: { ctx: PageContext; codes: string[] }) {
  return (
    <StaffFrame ctx={props.ctx} title="Ihre Wiederherstellungscodes" crumbs={[]}>
      <h1 class="kern-heading-large">Ihre Wiederherstellungscodes</h1>
      <div class="kern-alert kern-alert--warning" role="status">
        <div class="kern-alert__body">
          <p class="kern-body">
            Die Zwei-Faktor-Anmeldung ist eingerichtet. Bewahren Sie diese Codes sicher auf (zum Beispiel ausgedruckt im
            verschlossenen Schrank). Sie werden nur jetzt angezeigt. Jeder Code gilt einmal, falls Sie keinen Zugriff
            auf Ihre Authenticator-App haben.
          </p>
        </div>
      </div>
      <ul class="kern-list kern-list--bullet">
        {props.codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
      <p class="kern-body">
        <a class="kern-link" href="/backoffice">
          Weiter zum Backoffice
        </a>
      </p>
    </StaffFrame>
  );
}
