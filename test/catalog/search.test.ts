import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../helpers/app.ts';
import { createCatalogApp, resultNames } from './catalog-app.ts';

describe('catalog search on /{tenant}/leistungen', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createCatalogApp();
  });
  afterAll(() => t.close());

  const get = (url: string) => t.app.inject({ method: 'GET', url });
  const search = async (q: string, extra = '') => {
    const res = await get(`/magdeburg/leistungen?q=${encodeURIComponent(q)}${extra}`);
    expect(res.statusCode).toBe(200);
    return res.body;
  };

  it('has the full catalog', async () => {
    const row = await t.deps.database.db
      .selectFrom('services')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(row.n)).toBeGreaterThanOrEqual(4000);
  });

  it.each([
    ['Geburtsurkunde', 'Geburtsurkunde Ausstellung'],
    ['Hund', 'Hundehaltung Anmeldung'],
    ['Gewerbe anmelden', 'Gewerbe Anmeldung'],
  ])('"%s" puts "%s" first', async (q, expected) => {
    const html = await search(q);
    expect(resultNames(html)[0]).toBe(expected);
    expect(html).toMatch(/\d+ Treffer für „/);
  });

  it('marks services this tenant offers online', async () => {
    const html = await search('Hund');
    expect(html).toContain('kern-badge');
    expect(html).toContain('Online verfügbar');
  });

  it('finds stemmed and prefixed words ("Hunde" → Hundehaltung)', async () => {
    expect(resultNames(await search('Hunde anmelden'))[0]).toBe('Hundehaltung Anmeldung');
  });

  it('falls back to similar names for typos and says so', async () => {
    const html = await search('Geburtsurkunte');
    expect(resultNames(html)).toContain('Geburtsurkunde Ausstellung');
    expect(html).toContain('ähnlich geschriebenem Namen');
  });

  it('pages 20 results at a time with accessible pagination', async () => {
    const first = await search('Erteilung');
    expect(resultNames(first)).toHaveLength(20);
    expect(first).toMatch(/<nav class="sac-pagination" aria-label="Seitennavigation">/);
    expect(first).toMatch(/aria-current="page"[^>]*>[\s\S]*?<strong>1<\/strong>/);
    const second = await search('Erteilung', '&seite=2');
    expect(resultNames(second)).toHaveLength(20);
    expect(resultNames(second)[0]).not.toBe(resultNames(first)[0]);
    expect(second).toMatch(/<strong>2<\/strong>/);
    const beyond = await search('Erteilung', '&seite=499');
    expect(beyond).toContain('Zur ersten Seite');
  });

  it('explains what to try when nothing is found', async () => {
    const html = await search('xqzvbnm');
    expect(html).toContain('Keine Treffer für „xqzvbnm“');
    expect(html).toContain('weniger oder allgemeinere Wörter');
    expect(html).toContain('Lebenslagen');
    expect(html).toContain('tel:115');
  });

  it('answers a 10,000-character query with a normal page', async () => {
    const html = await search('Hund'.repeat(2500));
    expect(html).toContain('Treffer für');
  });

  it('escapes SQL and HTML metacharacters', async () => {
    const q = `'; drop table services; --<script>alert(1)</script>`;
    const html = await search(q);
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&lt;script>alert(1)&lt;/script>');
    const still = await t.deps.database.db.selectFrom('services').select('id').limit(1).execute();
    expect(still).toHaveLength(1);
    for (const odd of ['hund:* | !', '\\', '"\'', '%_', '&&&', '\u0000x', 'ä'.repeat(300)]) {
      expect((await get(`/magdeburg/leistungen?q=${encodeURIComponent(odd)}`)).statusCode).toBe(200);
    }
    expect((await get('/magdeburg/leistungen?q=a&q=b&seite=-3&seite=x')).statusCode).toBe(200);
  });

  it('browses by Lebenslage, Themenfeld and letter without a query', async () => {
    const lebenslage = await get(`/magdeburg/leistungen?lebenslage=${encodeURIComponent('Tierhaltung')}`);
    expect(lebenslage.statusCode).toBe(200);
    // Offered online here first, then alphabetical.
    expect(resultNames(lebenslage.body).slice(0, 2)).toEqual(['Hundehaltung Abmeldung', 'Hundehaltung Anmeldung']);
    expect(lebenslage.body).toMatch(/\d+ Leistungen: Tierhaltung/);
    const letter = await get('/magdeburg/leistungen?buchstabe=G');
    expect(resultNames(letter.body).every((n) => /^[Gg]/.test(n))).toBe(true);
    const all = await get('/magdeburg/leistungen');
    expect(all.statusCode).toBe(200);
    expect(resultNames(all.body)).toHaveLength(20);
  });
});
