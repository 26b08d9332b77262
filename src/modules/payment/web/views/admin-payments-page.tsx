import type { PageContext } from '../../../../platform/render/layout.tsx';
import { formatCents } from '../../../forms/engine/index.ts';
import { StaffFrame } from '../../../staff/views/staff-frame.tsx';
import { stateLabels } from '../../../submissions/lifecycle/states.ts';
import type { AdminPaymentRow } from '../../admin-repo.ts';
import type { PaymentStatus } from '../../tables.ts';

export const paymentStatusLabels: Record<PaymentStatus, string> = {
  pending: 'Offen',
  paid: 'Bezahlt',
  failed: 'Fehlgeschlagen',
  cancelled: 'Abgebrochen',
};

export const dateTime = new Intl.DateTimeFormat('de-DE', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'Europe/Berlin',
});

const checkedTexts: Record<string, string> = {
  paid: 'Geprüft: bezahlt, der Antrag ist freigegeben.',
  alert: 'Geprüft: bezahlt, aber der Antrag konnte nicht freigegeben werden – Betrieb ist alarmiert.',
  failed: 'Geprüft: Zahlung fehlgeschlagen.',
  cancelled: 'Geprüft: Zahlung abgebrochen.',
  pending: 'Geprüft: Zahlung ist beim Zahlungsdienst noch offen.',
  error: 'Der Zahlungsdienst konnte nicht abgefragt werden. Bitte später erneut prüfen.',
};

/** Payments of one municipality for the cash office: state, amount, Kassenzeichen, reference, time. */
export function AdminPaymentsPage(props: {
  ctx: PageContext;
  csrf: string;
  tenant: { slug: string; name: string };
  rows: AdminPaymentRow[];
  checked?: string | undefined;
}) {
  const base = `/admin/${props.tenant.slug}/zahlungen`;
  return (
    <StaffFrame
      ctx={props.ctx}
      title={`Zahlungen – ${props.tenant.name}`}
      crumbs={[
        { label: 'Administration', href: '/admin' },
        { label: props.tenant.name, href: `/admin/${props.tenant.slug}` },
        { label: 'Zahlungen' },
      ]}
    >
      <h1 class="kern-heading-large">Zahlungen – {props.tenant.name}</h1>
      {props.checked && checkedTexts[props.checked] && (
        <div class="kern-alert kern-alert--info" role="status">
          <div class="kern-alert__body">
            <p class="kern-body">{checkedTexts[props.checked]}</p>
          </div>
        </div>
      )}
      <p class="kern-body">
        <a class="kern-link" href={`${base}.csv`} download>
          Als CSV für die Kasse herunterladen
        </a>
      </p>
      {props.rows.length === 0 ? (
        <p class="kern-body">Noch keine Zahlungen.</p>
      ) : (
        <section class="sac-table-scroll" aria-label="Zahlungen" tabindex={0}>
          <table class="kern-table">
            <caption class="kern-title">Zahlungsversuche, neueste zuerst</caption>
            <thead class="kern-table__head">
              <tr class="kern-table__row">
                <th class="kern-table__header" scope="col">
                  Zeit
                </th>
                <th class="kern-table__header" scope="col">
                  Vorgangsnummer
                </th>
                <th class="kern-table__header" scope="col">
                  Status
                </th>
                <th class="kern-table__header" scope="col">
                  Betrag
                </th>
                <th class="kern-table__header" scope="col">
                  Kassenzeichen
                </th>
                <th class="kern-table__header" scope="col">
                  Transaktion
                </th>
                <th class="kern-table__header" scope="col">
                  Antragsstatus
                </th>
                <th class="kern-table__header" scope="col">
                  Aktion
                </th>
              </tr>
            </thead>
            <tbody class="kern-table__body">
              {props.rows.map((r) => (
                <tr class="kern-table__row" key={r.id}>
                  <td class="kern-table__cell">{dateTime.format(r.createdAt)}</td>
                  <td class="kern-table__cell">
                    {r.reference} (Versuch {r.attempt})
                  </td>
                  <td class="kern-table__cell">{paymentStatusLabels[r.status]}</td>
                  <td class="kern-table__cell">{formatCents(r.amountCents)}</td>
                  <td class="kern-table__cell">{r.transactionReference ?? '–'}</td>
                  <td class="kern-table__cell">{r.transactionId ?? '–'}</td>
                  <td class="kern-table__cell">
                    {stateLabels[r.submissionState as keyof typeof stateLabels]?.de ?? r.submissionState}
                  </td>
                  <td class="kern-table__cell">
                    {r.transactionId && (r.status === 'pending' || r.status === 'paid') ? (
                      <form method="post" action={`${base}/${r.id}/pruefen`}>
                        <input type="hidden" name="_csrf" value={props.csrf} />
                        <button
                          type="submit"
                          class="kern-btn kern-btn--secondary"
                          aria-label={`Zahlung ${r.reference}, Versuch ${r.attempt}: erneut prüfen`}
                        >
                          <span class="kern-label">Erneut prüfen</span>
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
        </section>
      )}
    </StaffFrame>
  );
}
