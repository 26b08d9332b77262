import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../helpers/app.ts';
import { createCatalogApp, resultNames } from './catalog-app.ts';

const begruessungsgeld = 'begruessungsgeld-fuer-neugeborene-auszahlung';

describe('portal and service pages', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createCatalogApp();
  });
  afterAll(() => t.close());

  const get = (url: string) => t.app.inject({ method: 'GET', url });

  it('portal: h1, search form, online services, Lebenslagen and Themenfelder with counts', async () => {
    const res = await get('/magdeburg');
    expect(res.statusCode).toBe(200);
    const html = res.body;
    expect(html.match(/<h1/g)).toHaveLength(1);
    expect(html).toContain('<h1 class="kern-heading-large">Landeshauptstadt Magdeburg</h1>');
    expect(html).toMatch(/<form class="sac-search" method="get" action="\/magdeburg\/leistungen">/);
    expect(html).toContain('<label class="kern-label" for="suche">Was möchten Sie erledigen?</label>');
    expect(html).toContain('href="/magdeburg/leistungen/geburtsurkunde-ausstellung"');
    expect(html).toContain('href="/magdeburg/leistungen?lebenslage=Tierhaltung"');
    expect(html).toMatch(/Tierhaltung<\/a> <span[^>]*>\(\d+\)/);
    expect(html).toContain('href="/magdeburg/leistungen?themenfeld=Familie+%26+Kind"');
    expect(html).toContain('href="/magdeburg/leistungen">Alle Leistungen');
  });

  it('service page: modules, office, fee, trust level and "Online beantragen"', async () => {
    const res = await get('/magdeburg/leistungen/geburtsurkunde-ausstellung');
    expect(res.statusCode).toBe(200);
    const html = res.body;
    expect(html).toContain('<h1 class="kern-heading-large">Geburtsurkunde Ausstellung</h1>');
    expect(html).toContain('99027002012000');
    expect(html).toContain('Welche Unterlagen werden benötigt?');
    expect(html).toContain('Welche Gebühren fallen an?');
    expect(html).toContain('10,00 €');
    expect(html).toContain('Substanziell'); // the demo's Urkundenbestellung in Magdeburg needs an eID-level login
    expect(html).toContain('Standesamt Magdeburg');
    expect(html).toMatch(/<a class="kern-btn kern-btn--primary" href="\/magdeburg\/antrag\/urkundenbestellung">/);
    const headings = [...html.matchAll(/<h([1-6])/g)].map((m) => Number(m[1]));
    for (let i = 1; i < headings.length; i++) expect(headings[i]! - headings[i - 1]!).toBeLessThanOrEqual(1);
  });

  it('resolves a service by its LeiKa key too', async () => {
    const res = await get('/magdeburg/leistungen/99110009104000');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<h1 class="kern-heading-large">Hundehaltung Anmeldung</h1>');
    expect(res.body).toContain('gebührenfrei');
  });

  it('a catalog service the tenant does not offer is shown with a note and the general contact', async () => {
    const res = await get('/magdeburg/leistungen/abbruchgenehmigung-erteilung');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Magdeburg bietet diese Leistung nicht online an');
    expect(res.body).toContain('serviceportal@magdeburg.example');
    expect(res.body).not.toContain('kern-btn--primary" href="/magdeburg/antrag');
  });

  it('an on-site offering has no apply button but its office', async () => {
    const res = await get('/magdeburg/leistungen/wohnsitz-anmeldung');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Diese Leistung ist nicht online verfügbar');
    expect(res.body).toContain('Bürgerbüro Mitte');
    expect(res.body).not.toContain('/magdeburg/antrag/');
  });

  it.each([
    ['/gibtesnicht', 'unknown tenant'],
    ['/gibtesnicht/leistungen?q=Hund', 'unknown tenant search'],
    ['/magdeburg/leistungen/gibt-es-nicht', 'unknown service'],
    ['/magdeburg/leistungen/99000000000000', 'unknown key'],
    ['/magdeburg/leistungen/%3Cscript%3E', 'odd service slug'],
  ])('404 German page with a way back: %s (%s)', async (url) => {
    const res = await get(url);
    expect(res.statusCode).toBe(404);
    expect(res.body).toContain('Seite nicht gefunden');
    expect(res.body).toMatch(/<a class="kern-link" href="\/(magdeburg)?">Zurück zur Startseite<\/a>/);
    expect(res.body).not.toContain('<script>');
  });

  describe('tenant isolation', () => {
    it("Wernigerode's Begrüßungsgeld is online under /wernigerode only", async () => {
      const own = await get(`/wernigerode/leistungen/${begruessungsgeld}`);
      expect(own.body).toContain('/wernigerode/antrag/begruessungsgeld');
      expect(own.body).toContain('Familienbüro');
      expect(own.body).toContain('lokale Leistung ohne bundesweiten LeiKa-Schlüssel');
      const other = await get(`/magdeburg/leistungen/${begruessungsgeld}`);
      expect(other.statusCode).toBe(200);
      expect(other.body).not.toContain('/antrag/begruessungsgeld');
      expect(other.body).not.toContain('Familienbüro');
      expect(other.body).toContain('Magdeburg bietet diese Leistung nicht online an');
      expect((await get('/wernigerode')).body).toContain(`/wernigerode/leistungen/${begruessungsgeld}`);
      expect((await get('/magdeburg')).body).not.toContain(begruessungsgeld);
      const search = await get('/magdeburg/leistungen?q=Begr%C3%BC%C3%9Fungsgeld');
      const hit = /<li>[\s\S]*?Begrüßungsgeld für Neugeborene[\s\S]*?<\/li>/.exec(search.body)?.[0] ?? '';
      expect(hit).not.toContain('Online verfügbar');
      expect(resultNames((await get('/wernigerode/leistungen?q=Begr%C3%BC%C3%9Fungsgeld')).body)[0]).toBe(
        'Begrüßungsgeld für Neugeborene Auszahlung',
      );
    });

    it("each tenant's service page names its own office", async () => {
      const md = (await get('/magdeburg/leistungen/hundehaltung-anmeldung')).body;
      const hbs = (await get('/halberstadt/leistungen/hundehaltung-anmeldung')).body;
      expect(md).toContain('Fachbereich Finanzservice – Hundesteuer');
      expect(md).not.toContain('Ordnungsamt – Gewerbe und Hundesteuer');
      expect(hbs).toContain('Ordnungsamt – Gewerbe und Hundesteuer');
      expect(hbs).not.toContain('Fachbereich Finanzservice');
    });

    it('office pages of one tenant are not reachable under another', async () => {
      expect((await get('/wernigerode/stellen/familienbuero')).statusCode).toBe(200);
      expect((await get('/magdeburg/stellen/familienbuero')).statusCode).toBe(404);
      expect((await get('/magdeburg/stellen/gewerbeamt')).statusCode).toBe(200);
      expect((await get('/halberstadt/stellen/gewerbeamt')).statusCode).toBe(404);
    });
  });
});
