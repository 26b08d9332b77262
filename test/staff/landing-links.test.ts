import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { listTenants } from '../../src/modules/tenants/repo.ts';
import type { Browser } from '../helpers/app.ts';
import { createStaffTestApp, logIn, type StaffTestApp } from './staff-app.ts';

/** The admin pages other modules added, per municipality, as the landing pages must link them. */
const tenantPages = (slug: string) => [
  `/admin/${slug}/zahlungen`,
  `/admin/${slug}/zustellwege`,
  `/admin/${slug}/fit-zustellpunkte`,
  `/admin/${slug}/verwaltungskonto`,
];
const monitor = '/admin/zustellungen';

const hrefs = (html: string) => [...html.matchAll(/<a [^>]*href="([^"]+)"/g)].map((m) => m[1]!);

let app: StaffTestApp;
let slugs: string[];
beforeAll(async () => {
  app = await createStaffTestApp();
  slugs = (await listTenants(app.deps.database.db)).map((t) => t.slug);
});
afterAll(() => app.close());
beforeEach(() => app.clock.advance(60_000));

/** Every linked admin page answers 200 for this account (the links lead somewhere it may go). */
async function allOpen(browser: Browser, links: string[]) {
  for (const href of links) expect([href, (await browser.get(href)).statusCode]).toEqual([href, 200]);
}

describe('landing pages link the admin pages the role allows', () => {
  it('a Magdeburg tenant admin sees Magdeburg’s pages only, no monitor', async () => {
    expect(slugs).toContain('magdeburg');
    expect(slugs.length).toBeGreaterThan(1);
    const browser = await logIn(app, app.account('admin', 'magdeburg'));
    for (const path of ['/admin', '/backoffice']) {
      const page = await browser.get(path);
      expect(page.statusCode).toBe(200);
      const links = hrefs(page.body);
      for (const href of tenantPages('magdeburg')) expect(links).toContain(href);
      for (const other of slugs.filter((s) => s !== 'magdeburg'))
        for (const href of tenantPages(other)) expect(links).not.toContain(href);
      expect(links).not.toContain(monitor);
    }
    const admin = (await browser.get('/admin')).body;
    expect(admin).toContain('>Zahlungen');
    expect(admin).toContain('>Zustellwege');
    expect(admin).toContain('>FIT-Connect-Zustellpunkte');
    expect(admin).not.toContain('Zustellungen (Betrieb)');
    await allOpen(browser, tenantPages('magdeburg'));
  });

  it('the operator sees every municipality’s pages and the delivery monitor', async () => {
    const browser = await logIn(app, app.account('operator', null));
    const admin = await browser.get('/admin');
    expect(admin.statusCode).toBe(200);
    const links = hrefs(admin.body);
    for (const slug of slugs) for (const href of tenantPages(slug)) expect(links).toContain(href);
    expect(links).toContain(monitor);
    expect(admin.body).toContain('Zustellungen (Betrieb)');
    expect(hrefs((await browser.get('/backoffice')).body)).toContain(monitor);
    await allOpen(browser, [...tenantPages('halberstadt'), monitor]);
  });

  it('a caseworker sees none of them', async () => {
    const browser = await logIn(app, app.account('caseworker', 'magdeburg'));
    const landing = await browser.get('/backoffice');
    expect(landing.statusCode).toBe(200);
    const links = hrefs(landing.body);
    expect(links.filter((h) => h.startsWith('/admin'))).toEqual([]);
    expect(landing.body).not.toContain('Zahlungen');
    expect((await browser.get('/admin')).statusCode).toBe(403);
  });
});
