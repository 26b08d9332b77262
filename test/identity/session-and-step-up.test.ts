import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ManualClock } from '../../src/platform/clock.ts';
import { Browser, createTestApp, csrfFrom, type TestApp } from '../helpers/app.ts';
import { citizenOf, samlLogin, testRoutes } from './flow.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ extend: testRoutes });
});
afterAll(() => t.close());

const cookieName = 'sac_session';
const sessionExists = async (token: string) =>
  !!(await t.deps.database.db
    .selectFrom('sessions')
    .select('id_hash')
    .where('id_hash', '=', createHash('sha256').update(token).digest('hex'))
    .executeTakeFirst());

describe('citizen sessions (F-21, F-22)', () => {
  it('changes the session id at login; the pre-login cookie is useless afterwards (fixation)', async () => {
    const browser = new Browser(t.app);
    await browser.get('/konto/anmelden');
    const planted = browser.cookies.get(cookieName)!;
    expect(planted).toBeTruthy();
    const { response } = await samlLogin(browser, { persona: 'erika' });
    expect(response.statusCode).toBe(303);
    const after = browser.cookies.get(cookieName)!;
    expect(after).not.toBe(planted);
    expect(await sessionExists(planted)).toBe(false);
    const attacker = new Browser(t.app);
    attacker.cookies.set(cookieName, planted);
    expect(await citizenOf(attacker)).toBeNull();
  });

  it('logs out server-side (POST with CSRF), starts single logout, and the old cookie is worthless', async () => {
    const browser = new Browser(t.app);
    await samlLogin(browser, { persona: 'erika' });
    const cookie = browser.cookies.get(cookieName)!;
    // Logged in at hoch, the login page sends the citizen straight back.
    expect((await browser.get('/konto/anmelden?niveau=hoch&zurueck=%2F')).statusCode).toBe(303);
    const csrfPage = await t.app.inject({ url: '/test/csrf', cookies: { [cookieName]: cookie } });
    const res = await browser.post('/konto/abmelden', { _csrf: JSON.parse(csrfPage.body).csrf });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toMatch(
      /^http:\/\/localhost:3000\/demo\/idp\/slo\?SAMLRequest=.+&SigAlg=.+&Signature=/,
    );
    expect(await sessionExists(cookie)).toBe(false);
    const replay = new Browser(t.app);
    replay.cookies.set(cookieName, cookie);
    expect(await citizenOf(replay)).toBeNull();
    const idp = await t.app.inject({ url: new URL(String(res.headers.location)).pathname });
    expect(idp.body).toContain('Testsystem');
  });

  it('shows the login state in the header items: name, Mein Konto, and a logout page whose button posts', async () => {
    const browser = new Browser(t.app);
    expect((await browser.get('/test/nav')).body).toContain('href="/konto/anmelden?zurueck=%2Ftest%2Fnav"');
    await samlLogin(browser, { persona: 'erika' });
    const nav = (await browser.get('/test/nav')).body;
    expect(nav).toContain('Angemeldet als <strong>Erika Mustermann</strong>');
    expect(nav).toContain('href="/konto"');
    expect(nav).toContain('href="/konto/abmelden"');
    const logout = (await browser.get('/konto/abmelden')).body;
    expect(logout).toMatch(/<form method="post" action="\/konto\/abmelden"><input type="hidden" name="_csrf"/);
    expect(logout).toContain('formaction="/konto/abmelden-ueberall"');
  });

  it('ends the citizen session after the idle limit (injected clock)', async () => {
    const browser = new Browser(t.app);
    await samlLogin(browser, { persona: 'erika' });
    const clock = t.clock as ManualClock;
    clock.advance(29 * 60_000);
    expect((await citizenOf(browser)).trustLevel).toBe('hoch');
    clock.advance(31 * 60_000);
    expect(await citizenOf(browser)).toBeNull();
    const needs = await browser.get('/test/needs?level=hoch');
    expect(String(needs.headers.location)).toContain('/konto/anmelden?niveau=hoch');
    clock.set(new Date());
  });

  it('refuses logout without a CSRF token', async () => {
    const browser = new Browser(t.app);
    await samlLogin(browser, { persona: 'max' });
    const res = await browser.post('/konto/abmelden', {});
    expect(res.statusCode).toBe(403);
    expect((await citizenOf(browser)).trustLevel).toBe('basisregistrierung');
  });
});

describe('trust levels and step-up (F-23)', () => {
  it('sends Max (Basisregistrierung) to the step-up page for a service needing substantiell', async () => {
    const browser = new Browser(t.app);
    await samlLogin(browser, { persona: 'max' });
    const needs = await browser.get('/test/needs?level=substantiell');
    expect(needs.statusCode).toBe(303);
    const location = String(needs.headers.location);
    expect(location).toBe('/konto/anmelden?niveau=substantiell&zurueck=%2Fmagdeburg%2Fantrag%2Fx');
    const page = await browser.get(location);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Höheres Vertrauensniveau nötig');
    expect(page.body).toContain('ELSTER-Zertifikat');
    expect(page.body).toContain('Online-Ausweis');
    expect(page.body).not.toContain('Benutzername und Passwort');
    expect(page.body).toContain('Anmelden mit Demo-BundID (Testsystem)');
  });

  it('lets the citizen pass after logging in at hoch, with a new session id and a step-up audit event', async () => {
    const browser = new Browser(t.app);
    await samlLogin(browser, { persona: 'eigene', kennung: 'stufe', level: 'basisregistrierung' });
    expect((await browser.get('/test/needs?level=hoch')).statusCode).toBe(303);
    const before = browser.cookies.get(cookieName);
    const { response } = await samlLogin(
      browser,
      { persona: 'eigene', kennung: 'stufe', level: 'hoch' },
      { level: 'hoch', returnTo: '/magdeburg/antrag/x' },
    );
    expect(response.headers.location).toBe('/magdeburg/antrag/x');
    expect(browser.cookies.get(cookieName)).not.toBe(before);
    expect(JSON.parse((await browser.get('/test/needs?level=hoch')).body)).toEqual({ ok: true, level: 'hoch' });
    const steps = await t.deps.database.db
      .selectFrom('audit_events')
      .select('details')
      .where((eb) => eb.or([eb('tenant_id', 'is', null), eb('tenant_id', 'is not', null)]))
      .where('action', '=', 'citizen.step_up')
      .execute();
    expect(steps.at(-1)?.details).toMatchObject({ from: 'basisregistrierung', trustLevel: 'hoch' });
  });

  it('checks the level on every request: an anonymous visitor is sent to the login page', async () => {
    const res = await new Browser(t.app).get('/test/needs?level=basisregistrierung');
    expect(res.statusCode).toBe(303);
    expect(String(res.headers.location)).toContain('/konto/anmelden?niveau=basisregistrierung');
    const none = await new Browser(t.app).get('/test/needs?level=none');
    expect(JSON.parse(none.body)).toEqual({ ok: true, level: null });
  });

  it('keeps the way back on this site (no open redirect)', async () => {
    const browser = new Browser(t.app);
    const page = await browser.get('/konto/anmelden?zurueck=https%3A%2F%2Fevil.example%2F');
    expect(page.body).toContain('name="zurueck" value="/"');
    const csrf = csrfFrom(page.body);
    expect(csrf).toBeTruthy();
  });
});
