import type { Language } from '../../definition/types.ts';
import { type FeeResult, formatCents } from '../../engine/index.ts';
import { tx } from '../texts.ts';

/** The computed fee lines and total, with the note that payment follows. */
export function FeeList({ fees, lang }: { fees: FeeResult; lang: Language }) {
  if (fees.lines.length === 0) return null;
  return (
    <section class="kern-stack-sm" aria-labelledby="gebuehren-titel">
      <h2 class="kern-heading-medium" id="gebuehren-titel">
        {tx(lang, 'fees')}
      </h2>
      <dl class="kern-description-list">
        {fees.lines.map((line, index) => (
          <div class="kern-description-list-item" key={index}>
            <dt class="kern-description-list-item__key">{line.label}</dt>
            <dd class="kern-description-list-item__value">
              {line.free ? tx(lang, 'feeFree') : formatCents(line.amountCents)}
            </dd>
          </div>
        ))}
        <div class="kern-description-list-item">
          <dt class="kern-description-list-item__key">
            <strong>{tx(lang, 'feeTotal')}</strong>
          </dt>
          <dd class="kern-description-list-item__value">
            <strong>{formatCents(fees.totalCents)}</strong>
          </dd>
        </div>
      </dl>
      {fees.totalCents > 0 && <p class="kern-body">{tx(lang, 'paymentLater')}</p>}
    </section>
  );
}
