import { describe, expect, it } from 'vitest';
import type { SummaryRow, SummaryStep } from '../../src/modules/forms/engine/index.ts';
import { type ApplicationPdfInput, renderApplicationPdf } from '../../src/modules/pdf/index.ts';
import { extractPdf, squash } from './extract.ts';
import { ASSISTANT_IDS, exampleInput, shippedInput } from './fixtures.ts';

/** Every label and display value of the summary, groups and items included. */
function summaryTexts(steps: SummaryStep[]): string[] {
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

async function expectContent(input: ApplicationPdfInput): Promise<void> {
  const { text } = await extractPdf(await renderApplicationPdf(input));
  const squashed = squash(text);
  const expected = [input.assistant.title, input.reference, `Version ${input.assistant.version}`, input.tenant.name];
  for (const wanted of [...expected, ...summaryTexts(input.summary)]) {
    expect(squashed, wanted).toContain(squash(wanted));
  }
  for (const file of input.attachments) {
    expect(squashed).toContain(squash(file.name));
    expect(squashed).toContain(file.sha256);
  }
}

describe('application PDF content (text extracted with pdf.js)', () => {
  it('the example definition: title, reference, every step, label and value', async () => {
    await expectContent(exampleInput());
  });

  for (const id of ASSISTANT_IDS) {
    it(`shipped assistant ${id}: every label and value`, async () => {
      await expectContent(shippedInput(id));
    });
  }

  it('shows repeatable groups as "Hund 1", "Hund 2" and in definition order', async () => {
    const { text } = await extractPdf(await renderApplicationPdf(shippedInput('hundeanmeldung')));
    const order = ['Hund 1', 'Bello', 'Deutscher Schäferhund', 'Hund 2', 'Luna', 'Pudel × Labrador', 'Erika'];
    const positions = order.map((wanted) => text.indexOf(wanted));
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it('German umlauts, ß and typographic quotes come out exactly', async () => {
    const { text } = await extractPdf(await renderApplicationPdf(shippedInput('urkundenbestellung')));
    for (const wanted of [
      'Jürgen Björn',
      'Weiß',
      'Heidestraße 17',
      'Einbürgerung des Ehemanns – „dringend“',
      'Gebühren',
    ]) {
      expect(text).toContain(wanted);
    }
    const gewerbe = await extractPdf(await renderApplicationPdf(shippedInput('gewerbeanmeldung')));
    expect(gewerbe.text).toContain('Ayşes Näherei');
    expect(gewerbe.text).toContain('Öztürk');
  });

  it('shows time of submission in Europe/Berlin, payment and Kassenzeichen', async () => {
    const { text } = await extractPdf(await renderApplicationPdf(shippedInput('urkundenbestellung')));
    expect(text).toContain('30.11.2026, 14:05 Uhr (MEZ)');
    expect(text).toContain('Bezahlt');
    expect(text).toContain('KZ-2026-000123');
    expect(text).toContain('15,00 €');
    expect(text).toContain('Geburtsurkunde (2 Exemplar(e))');
  });

  it('shows a pending payment without a Kassenzeichen row until the provider issued one', async () => {
    const input = shippedInput('urkundenbestellung');
    const pending = { ...input, payment: { status: 'pending', transactionReference: '', amountCents: 1500 } };
    const { text } = await extractPdf(await renderApplicationPdf(pending));
    expect(text).toContain('Ausstehend');
    expect(text).not.toContain('Kassenzeichen');
  });

  it('leaves out payment and fees when there are none', async () => {
    const input = { ...shippedInput('hundeabmeldung'), payment: undefined, fees: undefined };
    const { text } = await extractPdf(await renderApplicationPdf(input));
    expect(text).not.toContain('Kassenzeichen');
    expect(text).not.toContain('Gebühren');
  });

  it('draws user content as plain text, XSS-like payloads included', async () => {
    const payload = '<script>alert(1)</script> & <img src=x onerror=alert(2)>';
    const input = exampleInput();
    const step = input.summary[0]!;
    input.summary = [
      {
        ...step,
        rows: [
          ...step.rows,
          { kind: 'value', fieldId: 'x', name: 'x', label: 'Bemerkung', displayValue: payload, empty: false },
        ],
      },
    ];
    input.tenant = { ...input.tenant, name: 'Stadt <b>Test</b>' };
    const { text } = await extractPdf(await renderApplicationPdf(input));
    expect(text).toContain('<script>alert(1)</script> & <img src=x onerror=alert(2)>');
    expect(text).toContain('Stadt <b>Test</b>');
  });

  it('breaks a very long word (no spaces) between characters instead of running off the page', async () => {
    const token = 'x'.repeat(400) + 'ende';
    const input = exampleInput();
    const step = input.summary[0]!;
    input.summary = [
      { ...step, rows: [{ kind: 'value', fieldId: 'x', name: 'x', label: token, displayValue: token, empty: false }] },
    ];
    const { text } = await extractPdf(await renderApplicationPdf(input));
    expect(squash(text).split(token).length - 1).toBe(2);
  });

  it('replaces characters the font cannot draw and drops control characters', async () => {
    const input = exampleInput();
    const step = input.summary[0]!;
    const value = 'Hund 🐶 Bello\u0007\tende';
    input.summary = [
      { ...step, rows: [{ kind: 'value', fieldId: 'x', name: 'x', label: 'Name', displayValue: value, empty: false }] },
    ];
    const { text } = await extractPdf(await renderApplicationPdf(input));
    expect(squash(text)).toContain('Hund?Belloende');
  });

  it('flows a long answer list over pages with "Seite i von n" on each', async () => {
    const input = exampleInput();
    const rows: SummaryRow[] = Array.from({ length: 120 }, (_, index) => ({
      kind: 'value',
      fieldId: `f${index}`,
      name: `f${index}`,
      label: `Frage Nummer ${index + 1}`,
      displayValue: `Antwort ${index + 1}`,
      empty: false,
    }));
    const longText = Array.from({ length: 150 }, (_, index) => `Satz ${index + 1} einer langen Begründung.`).join(' ');
    rows.push({
      kind: 'value',
      fieldId: 'lang',
      name: 'lang',
      label: 'Begründung',
      displayValue: longText,
      empty: false,
    });
    input.summary = [{ stepId: 'viele', title: 'Viele Angaben', rows }];
    const { pages, text } = await extractPdf(await renderApplicationPdf(input));
    expect(pages.length).toBeGreaterThanOrEqual(4);
    pages.forEach((page, index) => {
      expect(page).toContain(`Seite ${index + 1} von ${pages.length}`);
      expect(page).toContain('SAC-2026-BEISPIEL-0001');
    });
    for (let index = 1; index <= 120; index++) expect(text).toContain(`Frage Nummer ${index} `);
    const withoutFooters = text.replace(/Referenznummer:\s*\S+\s+Seite\s+\d+\s+von\s+\d+/g, '');
    expect(squash(withoutFooters)).toContain(squash(longText));
    // Reading order survives the page breaks.
    expect(text.indexOf('Frage Nummer 119')).toBeLessThan(text.indexOf('Satz 150 einer'));
  });

  it('uses English texts for lang "en"', async () => {
    const input = { ...shippedInput('urkundenbestellung'), lang: 'en' as const };
    const { text } = await extractPdf(await renderApplicationPdf(input));
    expect(text).toContain('Reference number');
    expect(text).toContain('Page 1 of');
  });
});
