import type { PageContext } from '../../../platform/render/layout.tsx';
import { CsrfField, StaffFrame } from '../../staff/views/staff-frame.tsx';
import type { DeliveryState } from '../outbox/tables.ts';
import type { DeliveryOverviewRow } from './operator-ops.ts';
import { kindLabels, type Notice, NoticeBox } from './route-views.tsx';

export const stateLabels: Record<DeliveryState, string> = {
  pending: 'wartet',
  in_progress: 'wird übermittelt',
  delivered: 'übermittelt',
  failed: 'fehlgeschlagen, neuer Versuch geplant',
  dead: 'abgebrochen',
};

const dateTime = new Intl.DateTimeFormat('de-DE', {
  dateStyle: 'short',
  timeStyle: 'short',
  timeZone: 'Europe/Berlin',
});

/** `/admin/zustellungen`: deliveries not yet delivered across municipalities, dead ones first, with retry. */
export function OperatorDeliveriesPage(props: {
  ctx: PageContext;
  csrf: string;
  rows: DeliveryOverviewRow[];
  tenants: { slug: string; name: string }[];
  selectedTenant: string;
  notice?: Notice | undefined;
}) {
  const title = 'Übermittlungen';
  return (
    <StaffFrame
      ctx={props.ctx}
      title={title}
      crumbs={[
        { label: 'Backoffice', href: '/backoffice' },
        { label: 'Administration', href: '/admin' },
        { label: title },
      ]}
    >
      <h1 class="kern-heading-large">Übermittlungen an Fachverfahren</h1>
      <NoticeBox notice={props.notice} />
      <p class="kern-body">
        Hier stehen alle Übermittlungen, die noch nicht angekommen sind. Abgebrochene Übermittlungen (dauerhafter Fehler
        oder alle Versuche verbraucht) können Sie nach Behebung der Ursache erneut anstoßen.
      </p>
      <form method="get" action="/admin/zustellungen" class="kern-stack">
        <div class="kern-form-input">
          <label class="kern-label" for="f-kommune">
            Kommune
          </label>
          <div class="kern-form-input__select-wrapper">
            <select class="kern-form-input__select" id="f-kommune" name="kommune">
              <option value="">Alle Kommunen</option>
              {props.tenants.map((t) => (
                <option key={t.slug} value={t.slug} selected={t.slug === props.selectedTenant}>
                  {t.name}
                </option>
              ))}
            </select>
          </div>
        </div>
        <button type="submit" class="kern-btn kern-btn--secondary">
          <span class="kern-label">Anzeigen</span>
        </button>
      </form>
      {props.rows.length === 0 ? (
        <p class="kern-body">Keine offenen Übermittlungen.</p>
      ) : (
        <div class="kern-table-responsive">
          <table class="kern-table">
            <caption class="kern-sr-only">Offene Übermittlungen</caption>
            <thead class="kern-table__head">
              <tr class="kern-table__row">
                <th class="kern-table__header" scope="col">
                  Kommune
                </th>
                <th class="kern-table__header" scope="col">
                  Aktenzeichen
                </th>
                <th class="kern-table__header" scope="col">
                  Weg
                </th>
                <th class="kern-table__header" scope="col">
                  Status
                </th>
                <th class="kern-table__header" scope="col">
                  Versuche
                </th>
                <th class="kern-table__header" scope="col">
                  Letzter Fehler
                </th>
                <th class="kern-table__header" scope="col">
                  Aktion
                </th>
              </tr>
            </thead>
            <tbody class="kern-table__body">
              {props.rows.map((r) => (
                <tr class="kern-table__row" key={r.id}>
                  <td class="kern-table__cell">{r.tenantName}</td>
                  <td class="kern-table__cell">{r.reference}</td>
                  <td class="kern-table__cell">
                    {kindLabels[r.connectorId] ?? r.connectorId}
                    {r.routeLabel ? ` (${r.routeLabel})` : ''}
                  </td>
                  <td class="kern-table__cell">
                    {stateLabels[r.state]}
                    {r.nextAttemptAt ? `, nächster Versuch ${dateTime.format(r.nextAttemptAt)}` : ''}
                  </td>
                  <td class="kern-table__cell">{r.attempts}</td>
                  <td class="kern-table__cell">{r.lastError ?? '–'}</td>
                  <td class="kern-table__cell">
                    {r.state === 'dead' ? (
                      <form method="post" action={`/admin/zustellungen/${r.id}/erneut`}>
                        <CsrfField token={props.csrf} />
                        <button type="submit" class="kern-btn kern-btn--secondary">
                          <span class="kern-label">
                            Erneut versuchen<span class="kern-sr-only">: {r.reference}</span>
                          </span>
                        </button>
                      </form>
                    ) : (
                      '–'
                    )}
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
