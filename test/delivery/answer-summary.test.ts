import { describe, expect, it } from 'vitest';
import { safeAnswerSummary } from '../../src/modules/delivery/webhook/webhook-connector.ts';

describe('what of a receiver error answer is kept (F-06: reason yes, personal data no)', () => {
  it('keeps codes and field paths of JSON error answers', () => {
    expect(safeAnswerSummary('{"error":"schema","path":"/data/geburtsdatum"}')).toBe(
      'error=schema, path=/data/geburtsdatum',
    );
    expect(
      safeAnswerSummary('{"type":"urn:problem:invalid","invalid-params":[{"name":"familienname","reason":"zu lang"}]}'),
    ).toBe('type=urn:problem:invalid, name=familienname, reason=zu lang');
  });

  it('drops echoed values: dates, numbers, e-mail addresses, long or free text', () => {
    const echoed = JSON.stringify({
      error: 'Erika Mustermann, geboren 17.03.1985, wohnt Breiter Weg 12a, 39104 Magdeburg – ungültig',
      detail: 'Feld vorname: Erika',
      code: 'erika@example.org',
      path: '/data/telefon/0391123456',
    });
    const summary = safeAnswerSummary(echoed) ?? '';
    for (const secret of ['Erika', 'Mustermann', '1985', 'erika@', '0391', 'Breiter'])
      expect(summary).not.toContain(secret);
    expect(summary).toBe('JSON ohne lesbaren Grund (nicht gespeichert)');
  });

  it('never keeps plain text or HTML answers, only their length', () => {
    expect(safeAnswerSummary('Fehler: Erika Mustermann ist bereits registriert')).toBe(
      '48 Zeichen Text (nicht gespeichert)',
    );
    expect(safeAnswerSummary('   ')).toBeUndefined();
  });
});
