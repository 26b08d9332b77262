import type { SummaryRow } from '../../engine/index.ts';

/** The answers of one step (or one group item) as a KERN description list; groups nest per item. */
export function AnswerList({ rows }: { rows: SummaryRow[] }) {
  return (
    <dl class="kern-description-list">
      {rows.map((row) =>
        row.kind === 'value' ? (
          <div class="kern-description-list-item" key={row.name}>
            <dt class="kern-description-list-item__key">{row.label}</dt>
            <dd class="kern-description-list-item__value sac-multiline">{row.displayValue}</dd>
          </div>
        ) : (
          row.items.map((item) => (
            <div class="kern-description-list-item" key={item.name}>
              <dt class="kern-description-list-item__key">{item.label}</dt>
              <dd class="kern-description-list-item__value">
                <AnswerList rows={item.rows} />
              </dd>
            </div>
          ))
        ),
      )}
    </dl>
  );
}
