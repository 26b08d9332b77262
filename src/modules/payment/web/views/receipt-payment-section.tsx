import { formatCents } from '../../../forms/engine/index.ts';
import type { ReceiptPayment } from '../receipt-payment.ts';

const statusTexts: Record<ReceiptPayment['status'], { de: string; en: string }> = {
  due: { de: 'Noch nicht bezahlt', en: 'Not paid yet' },
  failed: { de: 'Zahlung fehlgeschlagen – bitte erneut bezahlen', en: 'Payment failed – please pay again' },
  cancelled: { de: 'Zahlung abgebrochen – bitte erneut bezahlen', en: 'Payment cancelled – please pay again' },
  paid: { de: 'Bezahlt', en: 'Paid' },
  expired: { de: 'Nicht bezahlt, Antrag verfallen', en: 'Not paid, application expired' },
  problem: {
    de: 'Bezahlt – der Antrag wird von unserem Betriebsteam weitergeleitet',
    en: 'Paid – our operations team forwards the application',
  },
};

/** The receipt's payment section: amount, state, "Bezahlen" while payable, the Kassenzeichen when paid. */
export function ReceiptPaymentSection({ payment, lang }: { payment: ReceiptPayment; lang: 'de' | 'en' }) {
  const en = lang === 'en';
  return (
    <section class="kern-stack-sm" aria-labelledby="zahlung-titel">
      <h2 class="kern-heading-medium" id="zahlung-titel">
        {en ? 'Payment' : 'Zahlung'}
      </h2>
      <dl class="kern-description-list">
        <div class="kern-description-list-item">
          <dt class="kern-description-list-item__key">{en ? 'Amount' : 'Betrag'}</dt>
          <dd class="kern-description-list-item__value">{formatCents(payment.amountCents)}</dd>
        </div>
        <div class="kern-description-list-item">
          <dt class="kern-description-list-item__key">{en ? 'Status' : 'Stand'}</dt>
          <dd class="kern-description-list-item__value sac-payment-status">{statusTexts[payment.status][lang]}</dd>
        </div>
        {payment.transactionReference && (
          <div class="kern-description-list-item">
            <dt class="kern-description-list-item__key">Kassenzeichen</dt>
            <dd class="kern-description-list-item__value">
              <strong class="sac-kassenzeichen">{payment.transactionReference}</strong>
            </dd>
          </div>
        )}
      </dl>
      {payment.payAction && payment.csrf && (
        <form method="post" action={payment.payAction}>
          <input type="hidden" name="_csrf" value={payment.csrf} />
          <p class="kern-body">
            {en
              ? 'Your application is sent to the office once the fee is paid.'
              : 'Ihr Antrag wird an die Behörde übermittelt, sobald die Gebühr bezahlt ist.'}
          </p>
          <button type="submit" class="kern-btn kern-btn--primary">
            <span class="kern-label">Bezahlen</span>
          </button>
        </form>
      )}
    </section>
  );
}
