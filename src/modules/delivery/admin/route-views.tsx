import type { PageContext } from '../../../platform/render/layout.tsx';
import { CsrfField, StaffFrame } from '../../staff/views/staff-frame.tsx';
import type { RouteListEntry } from '../routes-config/repo.ts';
import { ErrorSummary, FieldError, TextInput } from './form-parts.tsx';

export interface TenantRef {
  slug: string;
  name: string;
}

export type RouteKind = 'webhook' | 'email' | 'fit-connect';

/** A FIT destination as the route form offers it. */
export interface DestinationChoice {
  id: string;
  name: string;
  status: 'active' | 'created';
}

export const kindLabels: Record<string, string> = {
  webhook: 'Signierter HTTP-Webhook',
  email: 'E-Mail an die Behörde',
  'fit-connect': 'FIT-Connect-Zustellpunkt (verschlüsselter Abruf)',
};

/**
 * A short, non-secret description of a route's target: the webhook's origin, the office address or the FIT
 * destination (by name when `destinationNames` knows it).
 */
export function targetOf(
  route: Pick<RouteListEntry, 'connectorId' | 'options'>,
  destinationNames?: ReadonlyMap<string, string>,
): string {
  const o = route.options;
  if (route.connectorId === 'webhook' && typeof o.url === 'string') {
    try {
      return new URL(o.url).origin;
    } catch {
      return '–';
    }
  }
  if (route.connectorId === 'email' && typeof o.to === 'string') return o.to;
  if (route.connectorId === 'fit-connect' && typeof o.destinationId === 'string') {
    const name = destinationNames?.get(o.destinationId);
    return name ? `Zustellpunkt „${name}“` : `Zustellpunkt ${o.destinationId}`;
  }
  return '–';
}

const base = (tenant: TenantRef) => `/admin/${tenant.slug}/zustellwege`;

/** The kinds of route the form can add and edit. */
export const editableKinds: ReadonlySet<string> = new Set<RouteKind>(['webhook', 'email', 'fit-connect']);

function crumbs(tenant: TenantRef, last?: string) {
  const list = [
    { label: 'Backoffice', href: '/backoffice' },
    { label: 'Administration', href: '/admin' },
    { label: tenant.name, href: `/admin/${tenant.slug}` },
    { label: 'Übermittlungswege', ...(last ? { href: base(tenant) } : {}) },
  ];
  if (last) list.push({ label: last });
  return list;
}

export interface Notice {
  kind: 'success' | 'danger' | 'info';
  title: string;
  lines: string[];
}

export function NoticeBox({ notice }: { notice: Notice | undefined }) {
  if (!notice) return null;
  return (
    <div class={`kern-alert kern-alert--${notice.kind}`} role={notice.kind === 'danger' ? 'alert' : 'status'}>
      <div class="kern-alert__header">
        <span class={`kern-icon kern-icon--${notice.kind}`} aria-hidden="true" />
        <h2 class="kern-title">{notice.title}</h2>
      </div>
      <div class="kern-alert__body">
        {notice.lines.map((line) => (
          <p class="kern-body" key={line}>
            {line}
          </p>
        ))}
      </div>
    </div>
  );
}

/** `/admin/{tenant}/zustellwege`: the tenant's routes per offering, with edit and "Verbindung testen". */
export function RoutesPage(props: {
  ctx: PageContext;
  csrf: string;
  tenant: TenantRef;
  routes: RouteListEntry[];
  /** FIT destination names by id, for the target column. */
  destinationNames?: ReadonlyMap<string, string>;
  notice?: Notice | undefined;
}) {
  const { tenant } = props;
  return (
    <StaffFrame ctx={props.ctx} title={`Übermittlungswege – ${tenant.name}`} crumbs={crumbs(tenant)}>
      <h1 class="kern-heading-large">Übermittlungswege der {tenant.name}</h1>
      <NoticeBox notice={props.notice} />
      <p class="kern-body">
        Ein Übermittlungsweg legt fest, wohin die Anträge einer Leistung nach dem Absenden (und gegebenenfalls der
        Bezahlung) übermittelt werden. Eine Leistung kann mehrere Wege haben, z. B. das Fachverfahren und eine Kopie per
        E-Mail. Ohne aktiven Weg bleiben Anträge zur Übermittlung bereit liegen.
      </p>
      <p class="kern-body">
        <a class="kern-link" href={`${base(tenant)}/neu?art=webhook`}>
          Webhook hinzufügen
        </a>
        {' · '}
        <a class="kern-link" href={`${base(tenant)}/neu?art=email`}>
          E-Mail-Weg hinzufügen
        </a>
        {' · '}
        <a class="kern-link" href={`${base(tenant)}/neu?art=fit-connect`}>
          FIT-Connect-Weg hinzufügen
        </a>
      </p>
      <p class="kern-body">
        Fachverfahren, die Anträge verschlüsselt abholen, richten Sie zuerst als{' '}
        <a class="kern-link" href={`/admin/${tenant.slug}/fit-zustellpunkte`}>
          FIT-Connect-Zustellpunkt
        </a>{' '}
        ein.
      </p>
      {props.routes.length === 0 ? (
        <p class="kern-body">Noch kein Übermittlungsweg eingerichtet.</p>
      ) : (
        <div class="kern-table-responsive">
          <table class="kern-table">
            <caption class="kern-sr-only">Übermittlungswege</caption>
            <thead class="kern-table__head">
              <tr class="kern-table__row">
                <th class="kern-table__header" scope="col">
                  Leistung
                </th>
                <th class="kern-table__header" scope="col">
                  Bezeichnung
                </th>
                <th class="kern-table__header" scope="col">
                  Weg
                </th>
                <th class="kern-table__header" scope="col">
                  Ziel
                </th>
                <th class="kern-table__header" scope="col">
                  Status
                </th>
                <th class="kern-table__header" scope="col">
                  Aktionen
                </th>
              </tr>
            </thead>
            <tbody class="kern-table__body">
              {props.routes.map((r) => (
                <tr class="kern-table__row" key={r.id}>
                  <td class="kern-table__cell">{r.serviceName}</td>
                  <td class="kern-table__cell">{r.label}</td>
                  <td class="kern-table__cell">{kindLabels[r.connectorId] ?? r.connectorId}</td>
                  <td class="kern-table__cell">{targetOf(r, props.destinationNames)}</td>
                  <td class="kern-table__cell">{r.enabled ? 'aktiv' : 'inaktiv'}</td>
                  <td class="kern-table__cell">
                    {editableKinds.has(r.connectorId) && (
                      <a class="kern-link" href={`${base(tenant)}/${r.id}`}>
                        Bearbeiten<span class="kern-sr-only">: {r.label}</span>
                      </a>
                    )}
                    <form method="post" action={`${base(tenant)}/${r.id}/test`}>
                      <CsrfField token={props.csrf} />
                      <button type="submit" class="kern-btn kern-btn--tertiary">
                        <span class="kern-label">
                          Verbindung testen<span class="kern-sr-only">: {r.label}</span>
                        </span>
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </StaffFrame>
  );
}

export interface RouteFormValues {
  offeringId: string;
  label: string;
  enabled: boolean;
  url: string;
  secret: string;
  to: string;
  destinationId: string;
}

export type RouteFormErrors = Partial<Record<keyof RouteFormValues | 'general', string>>;

const fieldIds: Record<keyof RouteFormValues | 'general', string> = {
  offeringId: 'f-leistung',
  label: 'f-bezeichnung',
  enabled: 'f-aktiv',
  url: 'f-url',
  secret: 'f-geheimnis',
  to: 'f-email',
  destinationId: 'f-zustellpunkt',
  general: 'f-leistung',
};

function Input(props: {
  name: keyof RouteFormValues;
  label: string;
  hint?: string;
  type?: 'text' | 'url' | 'email' | 'password';
  value: string;
  errors: RouteFormErrors;
  required?: boolean;
}) {
  return (
    <TextInput
      id={fieldIds[props.name]}
      name={props.name}
      label={props.label}
      hint={props.hint}
      type={props.type}
      value={props.value}
      error={props.errors[props.name]}
      required={props.required !== false}
    />
  );
}

function DestinationSelect(props: {
  tenant: TenantRef;
  destinations: DestinationChoice[];
  value: string;
  error: string | undefined;
}) {
  const id = fieldIds.destinationId;
  const { error } = props;
  const described = [`${id}-hinweis`, error ? `${id}-fehler` : ''].filter(Boolean).join(' ');
  return (
    <div class={`kern-form-input${error ? ' kern-form-input--error' : ''}`}>
      <label class="kern-label" for={id}>
        FIT-Connect-Zustellpunkt
      </label>
      <div class="kern-hint" id={`${id}-hinweis`}>
        Das Fachverfahren holt die Anträge dort verschlüsselt ab. Wählbar sind Zustellpunkte, für die das Fachverfahren
        seine Schlüssel hinterlegt hat.{' '}
        <a class="kern-link" href={`/admin/${props.tenant.slug}/fit-zustellpunkte`}>
          Zustellpunkte verwalten
        </a>
      </div>
      <FieldError id={id} message={error} />
      <div class="kern-form-input__select-wrapper">
        <select
          class={`kern-form-input__select${error ? ' kern-form-input__select--error' : ''}`}
          id={id}
          name="destinationId"
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={described}
        >
          <option value="">Bitte auswählen</option>
          {props.destinations.map((d) => (
            <option key={d.id} value={d.id} selected={d.id === props.value}>
              {d.status === 'active' ? d.name : `${d.name} (wartet auf Schlüssel)`}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}

/** Add or edit a webhook, e-mail or FIT-Connect route, with German messages next to the fields and in a summary. */
export function RouteFormPage(props: {
  ctx: PageContext;
  csrf: string;
  tenant: TenantRef;
  kind: RouteKind;
  routeId?: string | undefined;
  offerings: { id: string; name: string }[];
  /** The tenant's FIT destinations (fit-connect routes only). */
  destinations?: DestinationChoice[] | undefined;
  values: RouteFormValues;
  errors: RouteFormErrors;
}) {
  const { tenant, kind, values, errors } = props;
  const title = `${props.routeId ? 'Übermittlungsweg bearbeiten' : 'Übermittlungsweg hinzufügen'}: ${kindLabels[kind]}`;
  const action = props.routeId ? `${base(tenant)}/${props.routeId}` : `${base(tenant)}/neu?art=${kind}`;
  const entries = Object.entries(errors).filter(([, m]) => m) as [keyof RouteFormErrors, string][];
  const offeringError = errors.offeringId;
  return (
    <StaffFrame ctx={props.ctx} title={title} hasErrors={entries.length > 0} crumbs={crumbs(tenant, title)}>
      <h1 class="kern-heading-large">{title}</h1>
      <ErrorSummary errors={entries.map(([name, message]) => ({ fieldId: fieldIds[name], message }))} />
      <form method="post" action={action} novalidate class="kern-stack-lg">
        <CsrfField token={props.csrf} />
        <div class={`kern-form-input${offeringError ? ' kern-form-input--error' : ''}`}>
          <label class="kern-label" for={fieldIds.offeringId}>
            Leistung
          </label>
          <FieldError id={fieldIds.offeringId} message={offeringError} />
          <div class="kern-form-input__select-wrapper">
            <select
              class={`kern-form-input__select${offeringError ? ' kern-form-input__select--error' : ''}`}
              id={fieldIds.offeringId}
              name="offeringId"
              aria-invalid={offeringError ? 'true' : undefined}
              aria-describedby={offeringError ? `${fieldIds.offeringId}-fehler` : undefined}
            >
              <option value="">Bitte auswählen</option>
              {props.offerings.map((o) => (
                <option key={o.id} value={o.id} selected={o.id === values.offeringId}>
                  {o.name}
                </option>
              ))}
            </select>
          </div>
        </div>
        <Input
          name="label"
          label="Bezeichnung"
          hint="Für Ihre Übersicht, z. B. „Personenstandsregister“ oder „Kopie ans Standesamt“."
          value={values.label}
          errors={errors}
        />
        {kind === 'fit-connect' ? (
          <DestinationSelect
            tenant={tenant}
            destinations={props.destinations ?? []}
            value={values.destinationId}
            error={errors.destinationId}
          />
        ) : kind === 'webhook' ? (
          <>
            <Input
              name="url"
              label="Ziel-URL"
              hint="https-Adresse des Fachverfahrens. Interne Adressen sind nur nach Freigabe durch den Betrieb erlaubt; Weiterleitungen werden nicht verfolgt."
              type="url"
              value={values.url}
              errors={errors}
            />
            <Input
              name="secret"
              label="Gemeinsames Geheimnis (HMAC)"
              hint={
                props.routeId
                  ? 'Mindestens 32 Zeichen. Leer lassen, um das gespeicherte Geheimnis zu behalten.'
                  : 'Mindestens 32 Zeichen; das Fachverfahren prüft damit die Signatur jeder Übermittlung.'
              }
              type="password"
              value=""
              errors={errors}
              required={!props.routeId}
            />
          </>
        ) : (
          <Input
            name="to"
            label="E-Mail-Adresse der Behörde"
            hint="An diese Adresse gehen der Antrag als PDF und die Daten als JSON."
            type="email"
            value={values.to}
            errors={errors}
          />
        )}
        <div class="kern-form-check">
          <input
            class="kern-form-check__checkbox"
            id={fieldIds.enabled}
            name="enabled"
            type="checkbox"
            value="1"
            checked={values.enabled}
          />
          <label class="kern-label" for={fieldIds.enabled}>
            Aktiv: neue Anträge über diesen Weg übermitteln
          </label>
        </div>
        <div class="kern-stack">
          <button type="submit" class="kern-btn kern-btn--primary">
            <span class="kern-label">Speichern</span>
          </button>
          <a class="kern-link" href={base(tenant)}>
            Abbrechen
          </a>
        </div>
      </form>
    </StaffFrame>
  );
}
