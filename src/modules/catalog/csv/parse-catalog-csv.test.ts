import { describe, expect, it } from 'vitest';
import { CatalogFileError, parseCatalogCsv } from './parse-catalog-csv.ts';

const header =
  'leika_schluessel,leika_name,leistungstyp,rechtsgrundlage,gesetze,gesetz_kuerzel,ozg_leistung_id,ozg_leistung_name,lebenslage,themenfeld';

describe('parseCatalogCsv', () => {
  it('reads quoted fields with commas and trims values', () => {
    const parsed = parseCatalogCsv(
      `${header}\n99027002012000," Geburtsurkunde, Ausstellung ",2/3,"§ 1 PStG [https://x]",,,10557,Geburtsurkunde,Querschnitt Bürger,Querschnitt \n`,
    );
    expect(parsed.problems).toEqual([]);
    expect(parsed.rows[0]).toMatchObject({
      line: 2,
      leikaKey: '99027002012000',
      name: 'Geburtsurkunde, Ausstellung',
      themenfeld: 'Querschnitt',
      rechtsgrundlage: '§ 1 PStG [https://x]',
    });
  });

  it('reports malformed lines with their line number and keeps the good ones', () => {
    const text = [
      header,
      '99000000000001,Gut,1,,,,,,,',
      'nicht im LeiKa,Falscher Schlüssel,1,,,,,,,',
      '99000000000002,,1,,,,,,,',
      '99000000000003,"Offenes Anführungszeichen,1,,,,,,,',
      '99000000000004,Zu viele,1,,,,,,,,extra',
      '',
      '99000000000005,Verschoben,1,,,,Bauen & Wohnen,,,',
      '99000000000001,Doppelt,1,,,,,,,',
      '99000000000006,Auch gut,1,,,,10513,Abbruchgenehmigung,,',
    ].join('\n');
    const parsed = parseCatalogCsv(text);
    expect(parsed.read).toBe(8);
    expect(parsed.rows.map((r) => r.leikaKey)).toEqual(['99000000000001', '99000000000006']);
    expect(parsed.problems.map((p) => p.line)).toEqual([3, 4, 5, 6, 8, 9]);
    expect(parsed.problems[0]!.reason).toContain('14-stelliger');
    expect(parsed.problems[1]!.reason).toContain('fehlt');
    expect(parsed.problems[2]!.reason).toContain('Anführungszeichen');
    expect(parsed.problems[3]!.reason).toContain('11 Spalten statt 10');
    expect(parsed.problems[4]!.reason).toContain('keine Zahl');
    expect(parsed.problems[5]!.reason).toContain('zuerst in Zeile 2');
  });

  it('rejects a file without the key and name columns', () => {
    expect(() => parseCatalogCsv('a,b\n1,2\n')).toThrow(CatalogFileError);
  });
});
