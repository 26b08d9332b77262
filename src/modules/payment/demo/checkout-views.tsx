import type { ComponentChildren } from 'preact';
import { formatCents } from '../../forms/engine/index.ts';

/** The demo provider's own page frame: unmistakably a test system, not part of any portal. */
export function DemoCheckoutFrame({ title, children }: { title: string; children: ComponentChildren }) {
  return (
    <html lang="de">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} – Testsystem Demo-Zahlungsdienst`}</title>
        <link rel="stylesheet" href="/assets/kern/kern.min.css?v=1" />
        <link rel="stylesheet" href="/assets/sac.css?v=1" />
      </head>
      <body>
        <header class="kern-alert kern-alert--warning">
          <div class="kern-container">
            <p class="kern-body kern-body--bold">
              Testsystem: Demo-Zahlungsdienst. Hier wird kein echtes Geld bewegt – geben Sie keine echten Zahlungsdaten
              ein.
            </p>
          </div>
        </header>
        <main id="inhalt" class="kern-container sac-main kern-stack-lg">
          {children}
        </main>
      </body>
    </html>
  );
}

export interface CheckoutItem {
  description: string;
  amountCents: number;
}

const outcomes = [
  { value: 'bezahlt', label: 'Zahlung erfolgreich (Testzahlung wird gebucht)' },
  { value: 'fehlgeschlagen', label: 'Zahlung fehlgeschlagen (z. B. Karte abgelehnt)' },
  { value: 'abgebrochen', label: 'Zahlung abbrechen' },
];

/** The pay page: what is paid, and the tester's choice of outcome. */
export function DemoCheckoutPage(props: {
  action: string;
  csrf: string;
  purpose: string;
  amountCents: number;
  items: CheckoutItem[];
}) {
  return (
    <DemoCheckoutFrame title="Bezahlen">
      <h1 class="kern-heading-large">Bezahlen (Testsystem)</h1>
      <dl class="kern-description-list">
        <div class="kern-description-list-item">
          <dt class="kern-description-list-item__key">Verwendungszweck</dt>
          <dd class="kern-description-list-item__value">{props.purpose}</dd>
        </div>
        {props.items.map((item, i) => (
          <div class="kern-description-list-item" key={i}>
            <dt class="kern-description-list-item__key">{item.description}</dt>
            <dd class="kern-description-list-item__value">{formatCents(item.amountCents)}</dd>
          </div>
        ))}
        <div class="kern-description-list-item">
          <dt class="kern-description-list-item__key">
            <strong>Gesamtbetrag</strong>
          </dt>
          <dd class="kern-description-list-item__value">
            <strong>{formatCents(props.amountCents)}</strong>
          </dd>
        </div>
      </dl>
      <form method="post" action={props.action} class="kern-stack">
        <input type="hidden" name="_csrf" value={props.csrf} />
        <fieldset class="kern-fieldset">
          <legend class="kern-label">Ergebnis der Testzahlung</legend>
          {outcomes.map((o, i) => (
            <div class="kern-form-check" key={o.value}>
              <input
                class="kern-form-check__radio"
                type="radio"
                id={`ergebnis-${o.value}`}
                name="ergebnis"
                value={o.value}
                checked={i === 0}
              />
              <label class="kern-label" for={`ergebnis-${o.value}`}>
                {o.label}
              </label>
            </div>
          ))}
        </fieldset>
        <div class="kern-form-check">
          <input
            class="kern-form-check__checkbox"
            type="checkbox"
            id="benachrichtigen"
            name="benachrichtigen"
            value="ja"
            checked
          />
          <label class="kern-label" for="benachrichtigen">
            Benachrichtigung an das Serviceportal senden (abwählen, um nur die Rückkehr zu testen)
          </label>
        </div>
        <button type="submit" class="kern-btn kern-btn--primary">
          <span class="kern-label">Weiter</span>
        </button>
      </form>
    </DemoCheckoutFrame>
  );
}

export function DemoCheckoutMessage({ title, text }: { title: string; text: string }) {
  return (
    <DemoCheckoutFrame title={title}>
      <h1 class="kern-heading-large">{title}</h1>
      <p class="kern-body">{text}</p>
    </DemoCheckoutFrame>
  );
}
