import type { Branding, PageContext } from '../../../../platform/render/layout.tsx';
import { Layout } from '../../../../platform/render/layout.tsx';
import { type FeeResult, formatCents } from '../../../forms/engine/index.ts';

/** What the payment page tells the citizen above the button. */
export type PaymentNotice = 'due' | 'open' | 'failed' | 'cancelled' | 'providerError' | 'busy' | 'pending';

const notices: Record<PaymentNotice, { kind: 'info' | 'warning' | 'danger'; title: string; text: string }> = {
  due: {
    kind: 'info',
    title: 'Zahlung erforderlich',
    text: 'Ihr Antrag wurde gespeichert. Er wird an die Behörde übermittelt, sobald die Gebühr bezahlt ist.',
  },
  open: {
    kind: 'info',
    title: 'Zahlung begonnen',
    text: 'Sie haben eine Zahlung begonnen, die noch nicht abgeschlossen ist. Mit „Bezahlen“ setzen Sie sie fort.',
  },
  pending: {
    kind: 'info',
    title: 'Zahlung wird noch geprüft',
    text: 'Der Zahlungsdienst hat die Zahlung noch nicht bestätigt. Bitte laden Sie diese Seite in einigen Minuten neu. Bezahlen Sie nicht ein zweites Mal.',
  },
  failed: {
    kind: 'danger',
    title: 'Zahlung fehlgeschlagen',
    text: 'Die Zahlung ist fehlgeschlagen. Es wurde nichts abgebucht. Sie können es erneut versuchen, auch mit einer anderen Zahlungsart.',
  },
  cancelled: {
    kind: 'warning',
    title: 'Zahlung abgebrochen',
    text: 'Sie haben die Zahlung abgebrochen. Es wurde nichts abgebucht. Sie können jederzeit erneut bezahlen.',
  },
  providerError: {
    kind: 'danger',
    title: 'Zahlungsdienst nicht erreichbar',
    text: 'Der Zahlungsdienst ist gerade nicht erreichbar. Es wurde nichts abgebucht. Bitte versuchen Sie es in einigen Minuten erneut.',
  },
  busy: {
    kind: 'info',
    title: 'Zahlung wird vorbereitet',
    text: 'Die Zahlung wird gerade in einem anderen Fenster vorbereitet. Bitte laden Sie diese Seite in einem Moment neu.',
  },
};

function Notice({ notice }: { notice: PaymentNotice }) {
  const n = notices[notice];
  const alert = n.kind === 'danger' || n.kind === 'warning';
  return (
    <div class={`kern-alert kern-alert--${n.kind}`} role={alert ? 'alert' : undefined}>
      <div class="kern-alert__header">
        <span class={`kern-icon kern-icon--${n.kind}`} aria-hidden="true" />
        <h2 class="kern-title">{n.title}</h2>
      </div>
      <div class="kern-alert__body">
        <p class="kern-body">{n.text}</p>
      </div>
    </div>
  );
}

export interface PaymentPageProps {
  ctx: PageContext;
  branding: Branding;
  assistantTitle: string;
  reference: string;
  fees: FeeResult;
  notice: PaymentNotice;
  action: string;
  csrf: string;
  receiptHref: string;
}

/** The payment step: what is owed (computed on the server at submit), the state, and "Bezahlen". */
export function PaymentPage(props: PaymentPageProps) {
  return (
    <Layout ctx={props.ctx} title={`Gebühr bezahlen – ${props.assistantTitle}`} tenant={props.branding}>
      <h1 class="kern-heading-large">Gebühr bezahlen</h1>
      <p class="kern-body">
        {props.assistantTitle}, Vorgangsnummer <strong class="sac-reference">{props.reference}</strong>
      </p>
      <Notice notice={props.notice} />
      <section class="kern-stack-sm" aria-labelledby="betrag-titel">
        <h2 class="kern-heading-medium" id="betrag-titel">
          Zu zahlender Betrag
        </h2>
        <dl class="kern-description-list">
          {props.fees.lines
            .filter((line) => !line.free && line.amountCents > 0)
            .map((line, index) => (
              <div class="kern-description-list-item" key={index}>
                <dt class="kern-description-list-item__key">{line.label}</dt>
                <dd class="kern-description-list-item__value">{formatCents(line.amountCents)}</dd>
              </div>
            ))}
          <div class="kern-description-list-item">
            <dt class="kern-description-list-item__key">
              <strong>Gesamt</strong>
            </dt>
            <dd class="kern-description-list-item__value">
              <strong class="sac-payment-total">{formatCents(props.fees.totalCents)}</strong>
            </dd>
          </div>
        </dl>
      </section>
      {props.notice !== 'pending' && props.notice !== 'busy' && (
        <form method="post" action={props.action}>
          <input type="hidden" name="_csrf" value={props.csrf} />
          <p class="kern-body">Sie werden zum Zahlungsdienst weitergeleitet und kommen danach hierher zurück.</p>
          <button type="submit" class="kern-btn kern-btn--primary">
            <span class="kern-label">Bezahlen</span>
          </button>
        </form>
      )}
      <p class="kern-body">
        <a class="kern-link" href={props.receiptHref}>
          Zur Eingangsbestätigung
        </a>
      </p>
    </Layout>
  );
}

/** The application can no longer be paid (expired or withdrawn). */
export function PaymentClosedPage(props: {
  ctx: PageContext;
  branding: Branding;
  assistantTitle: string;
  reference: string;
  expired: boolean;
}) {
  return (
    <Layout ctx={props.ctx} title={`Zahlung nicht mehr möglich – ${props.assistantTitle}`} tenant={props.branding}>
      <h1 class="kern-heading-large">Zahlung nicht mehr möglich</h1>
      <p class="kern-body">
        Vorgangsnummer <strong class="sac-reference">{props.reference}</strong>
      </p>
      <p class="kern-body">
        {props.expired
          ? 'Der Antrag ist verfallen, weil die Gebühr nicht rechtzeitig bezahlt wurde. Es wurde nichts abgebucht. Bitte stellen Sie den Antrag bei Bedarf neu.'
          : 'Der Antrag wurde zurückgezogen. Es wurde nichts abgebucht.'}
      </p>
    </Layout>
  );
}

/**
 * F-11: the money was taken, but a later step failed. Never a generic error: the Kassenzeichen, the
 * reference number and what to do, in plain German.
 */
export function PaymentHelpPage(props: {
  ctx: PageContext;
  branding: Branding;
  reference: string;
  transactionReference: string | null;
  amountCents: number;
}) {
  return (
    <Layout ctx={props.ctx} title="Zahlung eingegangen – wir kümmern uns um Ihren Antrag" tenant={props.branding}>
      <div class="kern-alert kern-alert--warning" role="alert">
        <div class="kern-alert__header">
          <span class="kern-icon kern-icon--warning" aria-hidden="true" />
          <h1 class="kern-title">Zahlung eingegangen – Ihr Antrag wird von Hand weitergeleitet</h1>
        </div>
        <div class="kern-alert__body">
          <p class="kern-body">
            Ihre Zahlung über {formatCents(props.amountCents)} ist eingegangen. Danach ist bei uns ein technisches
            Problem aufgetreten, deshalb konnte Ihr Antrag nicht automatisch an die Behörde übermittelt werden.
          </p>
        </div>
      </div>
      <dl class="kern-description-list">
        <div class="kern-description-list-item">
          <dt class="kern-description-list-item__key">Vorgangsnummer</dt>
          <dd class="kern-description-list-item__value">
            <strong class="sac-reference">{props.reference}</strong>
          </dd>
        </div>
        <div class="kern-description-list-item">
          <dt class="kern-description-list-item__key">Kassenzeichen</dt>
          <dd class="kern-description-list-item__value">
            <strong class="sac-kassenzeichen">{props.transactionReference ?? 'wird noch vergeben'}</strong>
          </dd>
        </div>
      </dl>
      <h2 class="kern-heading-medium">Was Sie jetzt tun sollten</h2>
      <ul class="kern-list">
        <li>Bezahlen Sie nicht noch einmal. Ihr Geld ist nicht verloren.</li>
        <li>Notieren Sie sich Vorgangsnummer und Kassenzeichen oder drucken Sie diese Seite aus.</li>
        <li>
          Unser Betriebsteam wurde automatisch benachrichtigt und leitet Ihren Antrag weiter. Sie müssen dafür nichts
          tun.
        </li>
        <li>
          Bei Fragen wenden Sie sich an {props.branding.name} und nennen Sie beide Nummern. Sollte der Antrag nicht
          bearbeitet werden können, wird der Betrag erstattet.
        </li>
      </ul>
    </Layout>
  );
}
