import { describe, expect, it } from 'vitest';
import { formatBerlinTime, formatFileSize, parseHexColor, paymentStatusText } from '../../src/modules/pdf/format.ts';
import { pdfTexts } from '../../src/modules/pdf/texts.ts';

const de = pdfTexts('de');

describe('PDF formatting', () => {
  it('shows the submission time in Europe/Berlin, winter and summer time', () => {
    expect(formatBerlinTime(new Date('2026-11-30T23:30:00Z'), de)).toBe('01.12.2026, 00:30 Uhr (MEZ)');
    expect(formatBerlinTime(new Date('2026-07-01T08:05:00Z'), de)).toBe('01.07.2026, 10:05 Uhr (MESZ)');
  });

  it('formats file sizes and payment states', () => {
    expect(formatFileSize(512)).toBe('512 Bytes');
    expect(formatFileSize(120_000)).toBe('117 KB');
    expect(formatFileSize(3 * 1024 * 1024 + 200_000)).toBe('3,2 MB');
    expect(paymentStatusText('PAYED', de)).toBe('Bezahlt');
    expect(paymentStatusText('canceled', de)).toBe('Abgebrochen');
    expect(paymentStatusText('erstattet', de)).toBe('erstattet');
  });

  it('accepts tenant colours as #rgb or #rrggbb and falls back otherwise', () => {
    expect(parseHexColor('#ff0000')).toEqual({ type: 'RGB', red: 1, green: 0, blue: 0 });
    expect(parseHexColor('#0f0')).toEqual({ type: 'RGB', red: 0, green: 1, blue: 0 });
    expect(parseHexColor('red; } body {')).toEqual(parseHexColor('not a colour'));
  });
});

describe('tenant logo', () => {
  it('takes the path outlines of the placeholder arms and ignores everything else', async () => {
    const { parseSimpleLogo } = await import('../../src/modules/pdf/arms.ts');
    const logo = parseSimpleLogo(
      '<svg viewBox="0 0 48 56"><path d="M4 4h40v24c0 13-9 21-20 25C13 49 4 41 4 28z" fill="#b3001b"/>' +
        '<path d="javascript:alert(1)"/><text>W</text></svg>',
    );
    expect(logo?.width).toBe(48);
    expect(logo?.paths.map((path) => path.d)).toEqual(['M4 4h40v24c0 13-9 21-20 25C13 49 4 41 4 28z']);
    expect(parseSimpleLogo('<svg><image href="x.png"/></svg>')).toBeUndefined();
  });
});
