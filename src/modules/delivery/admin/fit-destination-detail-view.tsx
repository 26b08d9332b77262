import type { ComponentChildren } from 'preact';
import type { PageContext } from '../../../platform/render/layout.tsx';
import { CsrfField, StaffFrame } from '../../staff/views/staff-frame.tsx';
import type { DestinationOverview } from '../fit/admin-ops.ts';
import type { ClientCredentials, ClientEntry, FitScope } from '../fit/credentials.ts';
import { destinationStatus, fitBase, fitCrumbs } from './fit-destination-views.tsx';
import { ErrorSummary, formatDateTime, TextInput } from './form-parts.tsx';
import { type Notice, NoticeBox, type TenantRef } from './route-views.tsx';

const scopeLabels: Record<FitScope, string> = {
  subscribe: 'Anträge abrufen und quittieren, Schlüssel hinterlegen',
  feedback: 'Rückmeldungen an Antragstellende',
  send: 'Anträge einreichen (Onlinedienst)',
  'feedback:tenant': 'Rückmeldungen zu allen Anträgen der Kommune',
};

/** The addresses a Fachverfahren vendor needs, from SAC_BASE_URL. */
export interface VendorInfo {
  tokenUrl: string;
  apiUrl: string;
  feedbackUrl: string;
  docsUrl: string;
}

export const CLIENT_LABEL_ID = 'f-zugang';

function Item({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div class="kern-description-list-item">
      <dt class="kern-description-list-item__key">{label}</dt>
      <dd class="kern-description-list-item__value">{children}</dd>
    </div>
  );
}

/** The one-time display of a new client's secret, focused on load so screen readers announce it. */
function NewSecret({ created }: { created: ClientCredentials & { label: string } }) {
  return (
    <div
      class="kern-alert kern-alert--warning"
      id="neuer-zugang"
      tabindex={-1}
      autofocus
      role="alert"
      aria-labelledby="neuer-zugang-titel"
    >
      <div class="kern-alert__header">
        <span class="kern-icon kern-icon--warning" aria-hidden="true" />
        <h2 class="kern-title" id="neuer-zugang-titel">
          Zugang „{created.label}“ angelegt – Client-Secret jetzt sichern
        </h2>
      </div>
      <div class="kern-alert__body kern-stack">
        <p class="kern-body">
          <strong>Das Client-Secret wird nur dieses eine Mal angezeigt.</strong> SAC speichert nur einen Prüfwert und
          kann es später weder anzeigen noch wiederherstellen. Geben Sie Client-ID und Client-Secret auf einem sicheren
          Weg an den Hersteller des Fachverfahrens weiter, nicht per unverschlüsselter E-Mail. Geht das Secret verloren,
          legen Sie einen neuen Zugang an und widerrufen den alten.
        </p>
        <dl class="kern-description-list">
          <Item label="Client-ID">
            <code id="client-id">{created.clientId}</code>
          </Item>
          <Item label="Client-Secret">
            <code id="client-secret">{created.clientSecret}</code>
          </Item>
        </dl>
      </div>
    </div>
  );
}

function ClientTable({
  tenant,
  destinationId,
  clients,
  csrf,
}: {
  tenant: TenantRef;
  destinationId: string;
  clients: ClientEntry[];
  csrf: string;
}) {
  if (clients.length === 0) return <p class="kern-body">Noch kein Zugang angelegt.</p>;
  return (
    <div class="kern-table-responsive">
      <table class="kern-table">
        <caption class="kern-sr-only">Zugänge zu diesem Zustellpunkt</caption>
        <thead class="kern-table__head">
          <tr class="kern-table__row">
            {['Bezeichnung', 'Client-ID', 'Berechtigungen', 'Angelegt', 'Status', 'Aktionen'].map((h) => (
              <th class="kern-table__header" scope="col" key={h}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody class="kern-table__body">
          {clients.map((c) => (
            <tr class="kern-table__row" key={c.clientId}>
              <td class="kern-table__cell">{c.label}</td>
              <td class="kern-table__cell">
                <code>{c.clientId}</code>
              </td>
              <td class="kern-table__cell">{c.scopes.map((s) => scopeLabels[s]).join('; ')}</td>
              <td class="kern-table__cell">{formatDateTime(c.createdAt)}</td>
              <td class="kern-table__cell">{c.revokedAt ? `widerrufen am ${formatDateTime(c.revokedAt)}` : 'aktiv'}</td>
              <td class="kern-table__cell">
                {!c.revokedAt && (
                  <form
                    method="post"
                    action={`${fitBase(tenant)}/${destinationId}/zugaenge/${encodeURIComponent(c.clientId)}/widerrufen`}
                  >
                    <CsrfField token={csrf} />
                    <button type="submit" class="kern-btn kern-btn--secondary">
                      <span class="kern-label">
                        Widerrufen<span class="kern-sr-only">: Zugang {c.label}</span>
                      </span>
                    </button>
                  </form>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * `/admin/{tenant}/fit-zustellpunkte/{id}`: one destination: its state, what the vendor needs (token URL, API
 * base URL, destination id, docs), its OAuth2 clients with "Widerrufen", and the form for a new client. Right
 * after creating one, its secret is shown once (`created`).
 */
export function FitDestinationPage(props: {
  ctx: PageContext;
  csrf: string;
  tenant: TenantRef;
  destination: DestinationOverview;
  clients: ClientEntry[];
  vendor: VendorInfo;
  labelValue: string;
  labelError?: string | undefined;
  created?: (ClientCredentials & { label: string }) | undefined;
  notice?: Notice | undefined;
}) {
  const { tenant, destination: d } = props;
  const title = `Zustellpunkt „${d.name}“`;
  const errors = props.labelError ? [{ fieldId: CLIENT_LABEL_ID, message: props.labelError }] : [];
  return (
    <StaffFrame ctx={props.ctx} title={title} hasErrors={errors.length > 0} crumbs={fitCrumbs(tenant, d.name)}>
      <h1 class="kern-heading-large">{title}</h1>
      <ErrorSummary errors={errors} />
      {props.created && <NewSecret created={props.created} />}
      <NoticeBox notice={props.notice} />
      <dl class="kern-description-list">
        <Item label="Status">{destinationStatus(d)}</Item>
        <Item label="Schlüssel hinterlegt">{d.keysRegisteredAt ? formatDateTime(d.keysRegisteredAt) : '–'}</Item>
        <Item label="Schlüssel-ID Verschlüsselung">{d.encryptionKid ? <code>{d.encryptionKid}</code> : '–'}</Item>
        <Item label="Schlüssel-ID Signatur">{d.signingKid ? <code>{d.signingKid}</code> : '–'}</Item>
        <Item label="Callback-Adresse">
          {d.callbackUrl ? <code>{d.callbackUrl}</code> : 'keine (das Fachverfahren fragt selbst nach)'}
        </Item>
        <Item label="Zum Abruf bereit">{d.waiting === 1 ? '1 Antrag' : `${d.waiting} Anträge`}</Item>
      </dl>
      {d.status !== 'active' && (
        <p class="kern-body">
          Solange das Fachverfahren seine beiden öffentlichen Schlüssel nicht hinterlegt hat, kann dieser Zustellpunkt
          noch nicht als Übermittlungsweg gewählt werden.
        </p>
      )}

      <h2 class="kern-heading-medium">Angaben für den Hersteller des Fachverfahrens</h2>
      <dl class="kern-description-list">
        <Item label="Zustellpunkt-ID (destinationId)">
          <code>{d.id}</code>
        </Item>
        <Item label="Token-URL (OAuth2 Client Credentials)">
          <code>{props.vendor.tokenUrl}</code>
        </Item>
        <Item label="API-Basis-URL">
          <code>{props.vendor.apiUrl}</code>
        </Item>
        <Item label="Rückmelde-API">
          <code>{props.vendor.feedbackUrl}</code>
        </Item>
      </dl>
      <p class="kern-body">
        Das Fachverfahren meldet sich mit Client-ID und Client-Secret an, hinterlegt seine öffentlichen Schlüssel und
        holt die Anträge ab. Beschreibung der Schnittstelle:{' '}
        <a class="kern-link" href={props.vendor.docsUrl}>
          Anleitung für Hersteller (FIT-Connect-Schnittstelle, englisch)
        </a>
        .
      </p>

      <h2 class="kern-heading-medium">Zugänge (OAuth2-Clients)</h2>
      <ClientTable tenant={tenant} destinationId={d.id} clients={props.clients} csrf={props.csrf} />

      <h2 class="kern-heading-medium" id="neuer-zugang-form">
        Neuen Zugang anlegen
      </h2>
      <p class="kern-body">
        Ein Zugang darf Anträge dieses Zustellpunkts abrufen, annehmen oder zurückweisen, die Schlüssel hinterlegen und
        Rückmeldungen an die Antragstellenden senden. Das Client-Secret wird nach dem Anlegen einmal angezeigt.
      </p>
      <form
        method="post"
        action={`${fitBase(tenant)}/${d.id}/zugaenge`}
        novalidate
        class="kern-stack-lg"
        aria-labelledby="neuer-zugang-form"
      >
        <CsrfField token={props.csrf} />
        <TextInput
          id={CLIENT_LABEL_ID}
          name="label"
          label="Bezeichnung des Zugangs"
          hint="Zum Beispiel der Name des Herstellers oder des Systems, „Fachverfahren Standesamt – Produktion“."
          value={props.labelValue}
          error={props.labelError}
          required
          maxlength={120}
        />
        <div class="kern-stack">
          <button type="submit" class="kern-btn kern-btn--primary">
            <span class="kern-label">Zugang anlegen</span>
          </button>
          <a class="kern-link" href={fitBase(tenant)}>
            Zurück zu den Zustellpunkten
          </a>
        </div>
      </form>
    </StaffFrame>
  );
}
