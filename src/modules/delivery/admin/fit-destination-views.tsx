import type { PageContext } from '../../../platform/render/layout.tsx';
import { CsrfField, StaffFrame } from '../../staff/views/staff-frame.tsx';
import type { DestinationOverview } from '../fit/admin-ops.ts';
import { ErrorSummary, formatDateTime, TextInput } from './form-parts.tsx';
import { type Notice, NoticeBox, type TenantRef } from './route-views.tsx';

export const fitBase = (tenant: TenantRef) => `/admin/${tenant.slug}/fit-zustellpunkte`;

export const destinationStatus = (d: Pick<DestinationOverview, 'status'>) =>
  d.status === 'active' ? 'aktiv' : 'wartet auf Schlüssel';

export function fitCrumbs(tenant: TenantRef, last?: string) {
  const list = [
    { label: 'Backoffice', href: '/backoffice' },
    { label: 'Administration', href: '/admin' },
    { label: tenant.name, href: `/admin/${tenant.slug}` },
    { label: 'FIT-Connect-Zustellpunkte', ...(last ? { href: fitBase(tenant) } : {}) },
  ];
  if (last) list.push({ label: last });
  return list;
}

export interface NewDestinationValues {
  name: string;
  callbackUrl: string;
}
export type NewDestinationErrors = Partial<Record<'name' | 'callbackUrl' | 'callbackSecret', string>>;

export const destinationFieldIds = {
  name: 'f-name',
  callbackUrl: 'f-callback-url',
  callbackSecret: 'f-callback-secret',
};

function DestinationTable({ tenant, destinations }: { tenant: TenantRef; destinations: DestinationOverview[] }) {
  if (destinations.length === 0) return <p class="kern-body">Noch kein Zustellpunkt eingerichtet.</p>;
  const th = (label: string) => (
    <th class="kern-table__header" scope="col">
      {label}
    </th>
  );
  return (
    <div class="kern-table-responsive">
      <table class="kern-table">
        <caption class="kern-sr-only">FIT-Connect-Zustellpunkte</caption>
        <thead class="kern-table__head">
          <tr class="kern-table__row">
            {th('Name')}
            {th('Zustellpunkt-ID')}
            {th('Status')}
            {th('Schlüssel hinterlegt')}
            {th('Schlüssel-IDs')}
            {th('Zum Abruf bereit')}
          </tr>
        </thead>
        <tbody class="kern-table__body">
          {destinations.map((d) => (
            <tr class="kern-table__row" key={d.id}>
              <td class="kern-table__cell">
                <a class="kern-link" href={`${fitBase(tenant)}/${d.id}`}>
                  {d.name}
                </a>
              </td>
              <td class="kern-table__cell">
                <code>{d.id}</code>
              </td>
              <td class="kern-table__cell">{destinationStatus(d)}</td>
              <td class="kern-table__cell">{d.keysRegisteredAt ? formatDateTime(d.keysRegisteredAt) : '–'}</td>
              <td class="kern-table__cell">
                {d.encryptionKid || d.signingKid ? (
                  <>
                    Verschlüsselung: <code>{d.encryptionKid ?? '–'}</code>
                    <br />
                    Signatur: <code>{d.signingKid ?? '–'}</code>
                  </>
                ) : (
                  '–'
                )}
              </td>
              <td class="kern-table__cell">{d.waiting === 1 ? '1 Antrag' : `${d.waiting} Anträge`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * `/admin/{tenant}/fit-zustellpunkte`: the municipality's FIT destinations with status, keys and waiting
 * submissions, and the form to create one (name, optional callback).
 */
export function FitDestinationsPage(props: {
  ctx: PageContext;
  csrf: string;
  tenant: TenantRef;
  destinations: DestinationOverview[];
  values: NewDestinationValues;
  errors: NewDestinationErrors;
  notice?: Notice | undefined;
}) {
  const { tenant, values, errors } = props;
  const title = `FIT-Connect-Zustellpunkte – ${tenant.name}`;
  const summary = (['name', 'callbackUrl', 'callbackSecret'] as const)
    .filter((k) => errors[k])
    .map((k) => ({ fieldId: destinationFieldIds[k], message: errors[k]! }));
  return (
    <StaffFrame ctx={props.ctx} title={title} hasErrors={summary.length > 0} crumbs={fitCrumbs(tenant)}>
      <h1 class="kern-heading-large">FIT-Connect-Zustellpunkte der {tenant.name}</h1>
      <ErrorSummary errors={summary} />
      <NoticeBox notice={props.notice} />
      <p class="kern-body">
        Ein Zustellpunkt ist das Postfach eines Fachverfahrens bei SAC. Das Fachverfahren holt die Anträge dort
        verschlüsselt ab (FIT-Connect-Schnittstelle) und kann nur selbst entschlüsseln. Legen Sie für jedes
        Fachverfahren einen Zustellpunkt an, geben Sie dem Hersteller einen Zugang und wählen Sie den Zustellpunkt dann
        unter{' '}
        <a class="kern-link" href={`/admin/${tenant.slug}/zustellwege`}>
          Zustellwege
        </a>{' '}
        als Übermittlungsweg einer Leistung.
      </p>
      <DestinationTable tenant={tenant} destinations={props.destinations} />
      <h2 class="kern-heading-medium" id="neu">
        Neuen Zustellpunkt anlegen
      </h2>
      <form method="post" action={fitBase(tenant)} novalidate class="kern-stack-lg" aria-labelledby="neu">
        <CsrfField token={props.csrf} />
        <TextInput
          id={destinationFieldIds.name}
          name="name"
          label="Name"
          hint="Für Ihre Übersicht und für den Hersteller, z. B. „Standesamt – Personenstandsregister“."
          value={values.name}
          error={errors.name}
          required
          maxlength={120}
        />
        <TextInput
          id={destinationFieldIds.callbackUrl}
          name="callbackUrl"
          label="Callback-Adresse (optional)"
          hint="https-Adresse, unter der das Fachverfahren über neue Anträge benachrichtigt wird. Ohne Callback fragt das Fachverfahren selbst regelmäßig nach. Interne Adressen sind nur nach Freigabe durch den Betrieb erlaubt."
          type="url"
          value={values.callbackUrl}
          error={errors.callbackUrl}
          maxlength={2000}
        />
        <TextInput
          id={destinationFieldIds.callbackSecret}
          name="callbackSecret"
          label="Callback-Geheimnis (nur mit Callback-Adresse)"
          hint={
            summary.length > 0
              ? 'Mindestens 32 Zeichen. Aus Sicherheitsgründen bitte erneut eingeben.'
              : 'Mindestens 32 Zeichen; das Fachverfahren prüft damit die Signatur jeder Benachrichtigung (HMAC-SHA512).'
          }
          type="password"
          value=""
          error={errors.callbackSecret}
          maxlength={500}
        />
        <div class="kern-stack">
          <button type="submit" class="kern-btn kern-btn--primary">
            <span class="kern-label">Zustellpunkt anlegen</span>
          </button>
        </div>
      </form>
    </StaffFrame>
  );
}
