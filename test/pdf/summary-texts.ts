import type { SummaryRow, SummaryStep } from '../../src/modules/forms/engine/index.ts';

/** Every step title, label and display value of a summary, groups and items included, in reading order. */
export function summaryTexts(steps: SummaryStep[]): string[] {
  const texts: string[] = [];
  const rows = (list: SummaryRow[]) => {
    for (const row of list) {
      texts.push(row.label);
      if (row.kind === 'value') texts.push(row.displayValue);
      else
        for (const item of row.items) {
          texts.push(item.label);
          rows(item.rows);
        }
    }
  };
  for (const step of steps) {
    texts.push(step.title);
    rows(step.rows);
  }
  return texts;
}
