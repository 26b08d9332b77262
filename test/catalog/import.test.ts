import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { printReport } from '../../src/modules/catalog/catalog-command.ts';
import { importCatalog } from '../../src/modules/catalog/ops/import-catalog.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db.ts';

const header =
  'leika_schluessel,leika_name,leistungstyp,rechtsgrundlage,gesetze,gesetz_kuerzel,ozg_leistung_id,ozg_leistung_name,lebenslage,themenfeld';
const good = [
  header,
  '99027002012000,Geburtsurkunde Ausstellung,2/3,"§ 55 PStG [https://www.gesetze-im-internet.de/pstg/__55.html]",PStG,PStG,10557,Geburtsurkunde und -bescheinigung,Querschnitt Bürger,Querschnitt',
  '99110009104000,Hundehaltung Anmeldung,4,,,,10160,Hundehaltung,Tierhaltung,Engagement & Hobby',
  '99150002000000,Approbation,1,,,,,,,',
  '99018027000000,Approbation,1,,,,,,,',
].join('\n');

describe('catalog import', () => {
  let testDb: TestDatabase;
  beforeAll(async () => {
    testDb = await createTestDatabase();
  });
  afterAll(() => testDb.cleanup());

  const services = () =>
    testDb.database.db
      .selectFrom('services')
      .select(['leika_key', 'slug', 'name', 'lebenslage'])
      .orderBy('leika_key')
      .execute();

  it('imports a good file and gives every service a unique slug', async () => {
    const report = await importCatalog(testDb.database, good);
    expect(report).toMatchObject({ read: 4, inserted: 4, updated: 0, unchanged: 0, skipped: 0 });
    const rows = await services();
    expect(rows.find((r) => r.leika_key === '99027002012000')?.slug).toBe('geburtsurkunde-ausstellung');
    expect(
      rows
        .filter((r) => r.name === 'Approbation')
        .map((r) => r.slug)
        .sort(),
    ).toEqual(['approbation', 'approbation-99018027000000']);
  });

  it('re-import updates by key without duplicating and keeps slugs stable', async () => {
    const before = await services();
    const again = await importCatalog(testDb.database, good);
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 4 });
    const changed = good.replace('Hundehaltung,Tierhaltung', 'Hundehaltung,Haustiere');
    const third = await importCatalog(testDb.database, changed);
    expect(third).toMatchObject({ inserted: 0, updated: 1, unchanged: 3 });
    const after = await services();
    expect(after).toHaveLength(4);
    expect(after.map((r) => r.slug)).toEqual(before.map((r) => r.slug));
    expect(after.find((r) => r.leika_key === '99110009104000')?.lebenslage).toBe('Haustiere');
  });

  it('reports bad rows with line numbers, skips them and imports the rest', async () => {
    const text = [
      header,
      'nicht im LeiKa,Kein Schlüssel,1,,,,,,,',
      '99000000000001,,1,,,,,,,',
      '99000000000002,"Anführungszeichen offen,1,,,,,,,',
      '99000000000003,Zu viele Spalten,1,,,,,,,,x,y',
      '99000000000004,Neue Leistung,1,,,,,,,',
    ].join('\n');
    const report = await importCatalog(testDb.database, text);
    expect(report).toMatchObject({ read: 5, inserted: 1, skipped: 4 });
    expect(report.problems.map((p) => p.line)).toEqual([2, 3, 4, 5]);
    const out: string[] = [];
    printReport(
      report,
      (s) => out.push(s),
      (s) => out.push(s),
    );
    expect(out.join('')).toContain('Zeile 4: Ungültige CSV-Zeile');
    expect(out.join('')).toContain('neu: 1');
    expect(out.join('')).toContain('übersprungen: 4');
  });
});
