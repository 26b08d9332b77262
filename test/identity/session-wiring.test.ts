import { createHash } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { grantDraft } from '../../src/modules/forms/drafts/draft-access.ts';
import { ManualClock } from '../../src/platform/clock.ts';
import { Browser, createTestApp, csrfFrom, type TestApp } from '../helpers/app.ts';
import { citizenOf, samlLogin, testRoutes } from './flow.ts';

// Sessions of citizens (F-21, F-22): new id at login, step-up and logout; the idle timeout with a
// warning that works without JavaScript and "Sitzung verlängern" (WCAG 2.2.1); logout everywhere.

let t: TestApp;
const clock = new ManualClock(new Date());
beforeAll(async () => {
  t = await createTestApp({
    clock,
    env: { SAC_SESSION_IDLE_MINUTES: '20' },
    extend(app) {
      testRoutes(app);
      // What the start of an application does to the session.
      app.get('/test/open-draft', async (request) => {
        grantDraft(await request.session(), '00000000-0000-4000-8000-000000000000');
        return { ok: true };
      });
      // A request that loaded its session before "logout everywhere" deleted it, and writes afterwards.
      app.get('/test/race', async (request) => {
        const session = (await request.existingSession())!;
        await t.deps.database.db.deleteFrom('sessions').where('subject', '=', session.subject!).execute();
        session.set('touched', true);
        return { ok: true };
      });
    },
  });
});
afterAll(() => t.close());
// SAML assertions are also checked against the real time: each test starts near it again.
afterEach(() => clock.set(new Date()));

const cookieName = 'sac_session';
const hash = (token: string) => createHash('sha256').update(token).digest('hex');
const sessionRow = (token: string) =>
  t.deps.database.db.selectFrom('sessions').selectAll().where('id_hash', '=', hash(token)).executeTakeFirst();

const berlinTime = (date: Date) =>
  new Intl.DateTimeFormat('de-DE', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Berlin' }).format(date);

describe('session ids (F-21)', () => {
  it('change at login, at step-up and at logout; each old cookie is worthless', async () => {
    const browser = new Browser(t.app);
    await browser.get('/konto/anmelden');
    const anonymous = browser.cookies.get(cookieName)!;
    await samlLogin(browser, { persona: 'eigene', kennung: 'ids', level: 'basisregistrierung' });
    const afterLogin = browser.cookies.get(cookieName)!;
    expect(afterLogin).not.toBe(anonymous);
    await samlLogin(browser, { persona: 'eigene', kennung: 'ids', level: 'hoch' }, { level: 'hoch' });
    const afterStepUp = browser.cookies.get(cookieName)!;
    expect(afterStepUp).not.toBe(afterLogin);
    expect((await sessionRow(afterStepUp))?.subject).toMatch(/^citizen:[0-9a-f-]{36}$/);
    const logoutPage = await browser.get('/konto/abmelden');
    const res = await browser.post('/konto/abmelden', { _csrf: csrfFrom(logoutPage.body) });
    expect(res.statusCode).toBe(303);
    expect(browser.cookies.get(cookieName)).toBeUndefined();
    await browser.get('/konto/anmelden');
    const afterLogout = browser.cookies.get(cookieName)!;
    expect([anonymous, afterLogin, afterStepUp]).not.toContain(afterLogout);
    for (const old of [anonymous, afterLogin, afterStepUp]) expect(await sessionRow(old)).toBeUndefined();
  });
});

describe('idle timeout with warning and extension (F-22, WCAG 2.2.1)', () => {
  it('every page says when the session ends, without JavaScript; "Sitzung verlängern" restarts the idle time', async () => {
    const browser = new Browser(t.app);
    await samlLogin(browser, { persona: 'erika' });
    const page = await browser.get('/magdeburg');
    const ends = new Date(clock.now().getTime() + 20 * 60_000);
    expect(page.body).toContain(`Ihre Sitzung endet um ${berlinTime(ends)} Uhr`);
    expect(page.body).toContain('Sitzung verlängern');
    expect(page.body).toContain(`data-session-ends="${ends.toISOString()}"`);
    expect(page.body).toMatch(/<script src="\/konto\/sitzung\.js" defer><\/script>/);
    expect(page.body).toContain('aria-live="assertive"');
    const csrf = csrfFrom(page.body.slice(page.body.indexOf('action="/konto/sitzung"') - 40));

    // 18 minutes idle: the extension moves the end 20 minutes from now.
    clock.advance(18 * 60_000);
    const extend = await browser.post('/konto/sitzung', { _csrf: csrf, zurueck: '/magdeburg' });
    expect(extend.statusCode).toBe(303);
    expect(extend.headers.location).toBe('/magdeburg');
    clock.advance(18 * 60_000);
    expect((await citizenOf(browser))?.trustLevel).toBe('hoch');
    // Without activity the session ends after the idle limit.
    clock.advance(21 * 60_000);
    expect(await citizenOf(browser)).toBeNull();
  });

  it('"Sitzung verlängern" needs the CSRF token', async () => {
    const browser = new Browser(t.app);
    await samlLogin(browser, { persona: 'max' });
    expect((await browser.post('/konto/sitzung', { zurueck: '/' })).statusCode).toBe(403);
  });

  it('shows the notice to an anonymous visitor with an open draft, and nothing to a visitor without one', async () => {
    const visitor = new Browser(t.app);
    const portal = await visitor.get('/magdeburg');
    expect(portal.body).not.toContain('Sitzung verlängern');
    expect(portal.body).toContain('href="/konto/anmelden?zurueck=%2Fmagdeburg"');
    await visitor.get('/test/open-draft');
    const working = await visitor.get('/magdeburg');
    expect(working.body).toContain('Sitzung verlängern');
    expect(working.body).toContain('href="/konto/anmelden?zurueck=%2Fmagdeburg"');
  });

  it('serves the warning script as an external file that announces 2 minutes before the end', async () => {
    const res = await t.app.inject({ url: '/konto/sitzung.js' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('javascript');
    expect(res.body).toContain('remaining - 120000');
    expect(res.body).toContain('data-warning');
  });
});

describe('logout everywhere', () => {
  it('ends every server-side session of the account, not those of others', async () => {
    const laptop = new Browser(t.app);
    const phone = new Browser(t.app);
    const someoneElse = new Browser(t.app);
    await samlLogin(laptop, { persona: 'eigene', kennung: 'ueberall', level: 'hoch' });
    await samlLogin(phone, { persona: 'eigene', kennung: 'ueberall', level: 'substantiell' });
    await samlLogin(someoneElse, { persona: 'max' });
    const phoneCookie = phone.cookies.get(cookieName)!;
    expect((await citizenOf(phone))?.trustLevel).toBe('substantiell');

    const page = await laptop.get('/konto/abmelden');
    expect(page.body).toContain('Auf allen Geräten abmelden');
    const res = await laptop.post('/konto/abmelden-ueberall', { _csrf: csrfFrom(page.body) });
    expect(res.statusCode).toBe(303);
    expect(await citizenOf(laptop)).toBeNull();
    expect(await citizenOf(phone)).toBeNull();
    expect(await sessionRow(phoneCookie)).toBeUndefined();
    expect((await citizenOf(someoneElse))?.trustLevel).toBe('basisregistrierung');
    const audit = await t.deps.database.db
      .selectFrom('audit_events')
      .select('details')
      .where((eb) => eb.or([eb('tenant_id', 'is', null), eb('tenant_id', 'is not', null)]))
      .where('action', '=', 'citizen.logout_everywhere')
      .execute();
    expect(audit.at(-1)?.details).toMatchObject({ sessions: 2 });
  });

  it('a request in flight on the other device does not bring its deleted session back', async () => {
    const phone = new Browser(t.app);
    await samlLogin(phone, { persona: 'eigene', kennung: 'inflight', level: 'hoch' });
    const cookie = phone.cookies.get(cookieName)!;
    expect((await sessionRow(cookie))?.subject).toMatch(/^citizen:/);
    const res = await phone.get('/test/race');
    expect(res.statusCode).toBe(200);
    expect(await sessionRow(cookie)).toBeUndefined();
    expect(await citizenOf(phone)).toBeNull();
  });
});
