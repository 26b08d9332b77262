import type { Branding, PageContext } from '../../../../platform/render/layout.tsx';
import { Layout } from '../../../../platform/render/layout.tsx';
import type { ReceiptPayment } from '../../../payment/web/receipt-payment.ts';
import { ReceiptPaymentSection } from '../../../payment/web/views/receipt-payment-section.tsx';
import type { Language } from '../../definition/types.ts';
import type { FeeResult } from '../../engine/index.ts';
import { tx } from '../texts.ts';
import { FeeList } from './fee-list.tsx';

export interface ReceiptPageProps {
  ctx: PageContext;
  branding: Branding;
  lang: Language;
  assistantTitle: string;
  reference: string;
  submittedAt: string;
  fees: FeeResult;
  /** The fee payment (amount, state, "Bezahlen", Kassenzeichen); null/absent without a fee. */
  payment?: ReceiptPayment | null | undefined;
  /** The status code for the status lookup; absent for old submissions without one. */
  statusCode?: string | undefined;
  /** The tenant's status lookup page (`/{tenant}/status`). */
  statusUrl: string;
  /** For a logged-in citizen: the application in Mein Konto. */
  accountUrl?: string | undefined;
}

/** The receipt: reference number and what happens next. */
export function ReceiptPage(props: ReceiptPageProps) {
  const { lang } = props;
  return (
    <Layout ctx={props.ctx} title={`${tx(lang, 'receiptTitle')} – ${props.assistantTitle}`} tenant={props.branding}>
      <div class="kern-alert kern-alert--success">
        <div class="kern-alert__header">
          <span class="kern-icon kern-icon--success" aria-hidden="true" />
          <h1 class="kern-title">{tx(lang, 'receiptTitle')}</h1>
        </div>
        <div class="kern-alert__body">
          <p class="kern-body">{props.assistantTitle}</p>
          <p class="kern-body">
            {tx(lang, 'receiptReference')}: <strong class="sac-reference">{props.reference}</strong>
          </p>
          {props.statusCode && (
            <p class="kern-body">
              {tx(lang, 'receiptStatusCode')}: <strong class="sac-reference">{props.statusCode}</strong>
            </p>
          )}
          <p class="kern-body kern-body--small">{props.submittedAt}</p>
        </div>
      </div>
      {props.statusCode && (
        <p class="kern-body">
          {tx(lang, 'receiptStatusBefore')}
          <a class="kern-link" href={props.statusUrl}>
            {tx(lang, 'receiptStatusLink')}
          </a>
          {tx(lang, 'receiptStatusAfter')}
        </p>
      )}
      {props.accountUrl && (
        <p class="kern-body">
          <a class="kern-link" href={props.accountUrl}>
            {tx(lang, 'receiptAccount')}
          </a>
        </p>
      )}
      <p class="kern-body">
        <a class="kern-link" href={`${props.ctx.path.split('?')[0]!.replace(/\/+$/, '')}/antrag.pdf`} download>
          {lang === 'en' ? 'Download your application as PDF' : 'Antrag als PDF herunterladen'}
        </a>
      </p>
      {props.payment && <ReceiptPaymentSection payment={props.payment} lang={lang} />}
      <h2 class="kern-heading-medium">{tx(lang, 'receiptNext')}</h2>
      <p class="kern-body">{tx(lang, 'receiptNextText')}</p>
      <p class="kern-body">{tx(lang, 'receiptMail')}</p>
      <FeeList fees={props.fees} lang={lang} />
    </Layout>
  );
}
