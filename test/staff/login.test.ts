import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { totpCode } from '../../src/modules/staff/totp.ts';
import { Browser, csrfFrom } from '../helpers/app.ts';
import {
  auditActions,
  createStaffTestApp,
  logIn,
  postCode,
  postPassword,
  type StaffTestApp,
  withoutCsrf,
} from './staff-app.ts';

let app: StaffTestApp;
beforeAll(async () => {
  app = await createStaffTestApp();
});
afterAll(() => app.close());
beforeEach(async () => {
  await app.deps.database.db.deleteFrom('rate_limits').execute();
  app.clock.advance(60_000); // a fresh TOTP step per test: codes are accepted only once
});

describe('staff login with password and TOTP', () => {
  it('a caseworker of Magdeburg lands on the page of Magdeburg only', async () => {
    const browser = await logIn(app, app.account('caseworker', 'magdeburg'));
    const landing = await browser.get('/backoffice');
    expect(landing.statusCode).toBe(200);
    expect(landing.body).toContain('Posteingang der Landeshauptstadt Magdeburg');
    expect(landing.body).toContain('Sachbearbeitung Magdeburg');
    for (const other of ['Halberstadt', 'Wernigerode', 'Unstruttal']) expect(landing.body).not.toContain(other);
    expect(landing.body).not.toContain('href="/admin');
    const audit = await auditActions(app);
    expect(audit.at(-1)).toMatchObject({ action: 'staff.login', details: { method: 'totp' } });
  });

  it('an admin sees the administration of the own municipality; an operator all municipalities', async () => {
    const admin = await logIn(app, app.account('admin', 'halberstadt'));
    const adminLanding = await admin.get('/backoffice');
    expect(adminLanding.body).toContain('Verwaltung der Stadt Halberstadt');
    expect(adminLanding.body).not.toContain('Posteingang');
    expect(adminLanding.body).not.toContain('Magdeburg');
    const adminPage = await admin.get('/admin');
    expect(adminPage.statusCode).toBe(200);
    expect(adminPage.body).toContain('href="/admin/halberstadt/zahlungen"');
    expect(adminPage.body).not.toContain('magdeburg');

    const operator = await logIn(app, app.account('operator', null));
    const opLanding = await operator.get('/backoffice');
    expect(opLanding.body).toContain('Betrieb: alle Kommunen');
    for (const name of ['Magdeburg', 'Halberstadt', 'Wernigerode', 'Unstruttal'])
      expect(opLanding.body).toContain(name);
    const opAdmin = await operator.get('/admin');
    for (const slug of ['magdeburg', 'halberstadt', 'wernigerode', 'unstruttal'])
      expect(opAdmin.body).toContain(`href="/admin/${slug}/zahlungen"`);
  });

  it('without login /backoffice and /admin lead to the login page', async () => {
    const browser = new Browser(app.app);
    for (const url of ['/backoffice', '/admin', '/admin/magdeburg']) {
      const res = await browser.get(url);
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe('/backoffice/anmelden');
    }
    const login = await browser.get('/backoffice/anmelden');
    expect(login.body).toContain('<label class="kern-label" for="email">E-Mail-Adresse</label>');
    expect(login.body).toContain('autocomplete="current-password"');
  });

  it('a wrong password gives a German error on the same page, keeps the e-mail and is audited', async () => {
    const account = app.account('caseworker', 'magdeburg');
    const res = await postPassword(new Browser(app.app), account.email, 'falsches-passwort-123');
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('E-Mail-Adresse oder Passwort ist falsch.');
    expect(res.body).toContain(`value="${account.email}"`);
    expect(res.body).toContain('<title>Fehler: Anmeldung für Mitarbeitende');
    expect(res.body).not.toContain('falsches-passwort-123');
    const audit = await auditActions(app);
    expect(audit.at(-1)).toMatchObject({ action: 'staff.login_failed', details: { step: 'password' } });
    expect(audit.at(-1)!.actor).toMatch(/^staff:/);
    expect(JSON.stringify(audit)).not.toContain('falsches-passwort');
  });

  it('an unknown account gets the same answer as a wrong password', async () => {
    const known = await postPassword(new Browser(app.app), 'sachbearbeitung@magdeburg.demo', 'falsches-passwort-123');
    const unknown = await postPassword(new Browser(app.app), 'niemand@magdeburg.demo', 'falsches-passwort-123');
    expect(unknown.statusCode).toBe(known.statusCode);
    expect(withoutCsrf(unknown.body).replace('niemand@', 'X@')).toBe(
      withoutCsrf(known.body).replace('sachbearbeitung@', 'X@'),
    );
    const audit = await auditActions(app);
    expect(audit.at(-1)).toMatchObject({ actor: 'anonym', action: 'staff.login_failed' });
    expect(JSON.stringify(audit)).not.toContain('niemand');
  });

  it('a wrong TOTP code gives a German error on the code page and is audited', async () => {
    const account = app.account('caseworker', 'magdeburg');
    const browser = new Browser(app.app);
    await postPassword(browser, account.email, account.password);
    const right = totpCode(account.totpSecret, app.clock.now());
    const wrong = right === '000000' ? '111111' : '000000';
    const res = await postCode(browser, wrong);
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Der Code ist falsch oder abgelaufen.');
    expect(res.body).toContain('aria-invalid="true"');
    const audit = await auditActions(app);
    expect(audit.at(-1)).toMatchObject({ action: 'staff.login_failed', details: { step: 'second_factor' } });
    // The right code still works afterwards.
    expect((await postCode(browser, right)).headers.location).toBe('/backoffice');
  });

  it('a TOTP code is accepted only once', async () => {
    const account = app.account('admin', 'wernigerode');
    const code = totpCode(account.totpSecret, app.clock.now());
    const first = new Browser(app.app);
    await postPassword(first, account.email, account.password);
    expect((await postCode(first, code)).statusCode).toBe(303);
    const second = new Browser(app.app);
    await postPassword(second, account.email, account.password);
    expect((await postCode(second, code)).statusCode).toBe(422);
  });

  it('the code page needs the password step first, and the password step expires', async () => {
    const browser = new Browser(app.app);
    expect((await browser.get('/backoffice/zwei-faktor')).headers.location).toBe('/backoffice/anmelden');
    const account = app.account('caseworker', 'unstruttal');
    await postPassword(browser, account.email, account.password);
    app.clock.advance(6 * 60_000);
    expect((await browser.get('/backoffice/zwei-faktor')).headers.location).toBe('/backoffice/anmelden');
  });
});

describe('sessions (F-21, F-22)', () => {
  it('a new session id after the password and after the second factor; the planted id is dead', async () => {
    const account = app.account('caseworker', 'magdeburg');
    const browser = new Browser(app.app);
    const page = await browser.get('/backoffice/anmelden');
    const planted = browser.cookies.get('sac_session')!;
    expect(planted).toBeTruthy();
    await browser.post('/backoffice/anmelden', {
      _csrf: csrfFrom(page.body),
      ...{ email: account.email, password: account.password },
    });
    const afterPassword = browser.cookies.get('sac_session')!;
    expect(afterPassword).not.toBe(planted);
    await postCode(browser, totpCode(account.totpSecret, app.clock.now()));
    const afterLogin = browser.cookies.get('sac_session')!;
    expect(afterLogin).not.toBe(afterPassword);
    for (const old of [planted, afterPassword]) {
      const replay = await app.app.inject({
        method: 'GET',
        url: '/backoffice',
        headers: { cookie: `sac_session=${old}` },
      });
      expect(replay.headers.location).toBe('/backoffice/anmelden');
    }
    expect((await browser.get('/backoffice')).statusCode).toBe(200);
  });

  it('logout ends the session server-side: the old cookie is worthless', async () => {
    const browser = await logIn(app, app.account('caseworker', 'halberstadt'));
    const cookie = browser.cookies.get('sac_session')!;
    const landing = await browser.get('/backoffice');
    const res = await browser.post('/backoffice/abmelden', { _csrf: csrfFrom(landing.body) });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/backoffice/anmelden?abgemeldet=1');
    expect((await browser.get(res.headers.location as string)).body).toContain('Sie sind abgemeldet.');
    const replay = await app.app.inject({
      method: 'GET',
      url: '/backoffice',
      headers: { cookie: `sac_session=${cookie}` },
    });
    expect(replay.headers.location).toBe('/backoffice/anmelden');
    expect((await auditActions(app)).at(-1)?.action).toBe('staff.logout');
  });

  it('logout everywhere ends the sessions on every device', async () => {
    const account = app.account('admin', 'magdeburg');
    const laptop = await logIn(app, account);
    app.clock.advance(30_000);
    const desktop = await logIn(app, account);
    const landing = await laptop.get('/backoffice');
    await laptop.post('/backoffice/abmelden', { _csrf: csrfFrom(landing.body), ueberall: '1' });
    expect((await desktop.get('/backoffice')).headers.location).toBe('/backoffice/anmelden');
    expect((await auditActions(app)).at(-1)?.action).toBe('staff.logout_everywhere');
    app.clock.advance(30_000);
    const again = await logIn(app, account);
    expect((await again.get('/backoffice')).statusCode).toBe(200);
  });

  it('the idle timeout from the configuration ends a staff session', async () => {
    const browser = await logIn(app, app.account('caseworker', 'wernigerode'));
    app.clock.advance((app.config.sessionIdleMinutes - 1) * 60_000);
    expect((await browser.get('/backoffice')).statusCode).toBe(200);
    app.clock.advance(app.config.sessionIdleMinutes * 60_000 + 1000);
    expect((await browser.get('/backoffice')).headers.location).toBe('/backoffice/anmelden');
  });

  it('login and logout posts need the CSRF token', async () => {
    const account = app.account('caseworker', 'magdeburg');
    const browser = new Browser(app.app);
    await browser.get('/backoffice/anmelden');
    const noToken = await browser.post('/backoffice/anmelden', { email: account.email, password: account.password });
    expect(noToken.statusCode).toBe(403);
    const loggedIn = await logIn(app, account);
    const noTokenLogout = await loggedIn.post('/backoffice/abmelden', {});
    expect(noTokenLogout.statusCode).toBe(403);
    expect((await loggedIn.get('/backoffice')).statusCode).toBe(200);
    const landing = await loggedIn.get('/backoffice');
    expect((await loggedIn.post('/backoffice/abmelden', { _csrf: 'falsch', ueberall: '1' })).statusCode).toBe(403);
    expect(csrfFrom(landing.body)).toBeTruthy();
  });
});
