import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ManualClock } from '../../src/platform/clock.ts';
import { Browser, createTestApp, csrfFrom, type TestApp } from '../helpers/app.ts';

describe('platform HTTP behaviour', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({
      extend(app) {
        // A minimal state-changing form to exercise CSRF protection and sessions.
        app.get('/test/form', async (request, reply) => {
          const token = await request.csrfToken();
          return reply
            .type('text/html')
            .send(`<form method="post"><input type="hidden" name="_csrf" value="${token}"></form>`);
        });
        app.post('/test/form', async () => ({ ok: true }));
        app.post('/test/login', async (request) => {
          const session = await request.session();
          session.regenerate();
          session.set('user', 'erika');
          return { ok: true };
        });
        app.get('/test/whoami', async (request) => ({ user: (await request.existingSession())?.get('user') ?? null }));
        app.post('/test/logout', async (request) => {
          (await request.session()).destroy();
          return { ok: true };
        });
        app.get('/test/boom', async () => {
          throw new Error('secret detail that must not reach the page');
        });
      },
    });
  });
  afterAll(() => t.close());

  it('sends a strict CSP without unsafe-inline and the other security headers on pages', async () => {
    const res = await t.app.inject('/');
    expect(res.statusCode).toBe(200);
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });

  it('serves the self-hosted KERN stylesheet and fonts', async () => {
    const css = await t.app.inject('/assets/kern/kern.min.css');
    expect(css.statusCode).toBe(200);
    expect(css.headers['content-type']).toContain('text/css');
    const font = await t.app.inject('/assets/kern/fonts/fira-sans/FiraSans-Regular.woff2');
    expect(font.statusCode).toBe(200);
  });

  it('answers unknown pages with a German 404 page and a way back', async () => {
    const res = await t.app.inject('/gibt-es-nicht/ueberhaupt');
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('Seite nicht gefunden');
    expect(res.body).toContain('href="/"');
  });

  it('keeps the tenant branding on a 404 under a tenant', async () => {
    const res = await t.app.inject('/magdeburg/stellen/gibt-es-nicht');
    expect(res.statusCode).toBe(404);
    expect(res.body).toContain('Landeshauptstadt Magdeburg');
    expect(res.body).toContain('href="/magdeburg"');
  });

  it('answers unknown API paths with an RFC 7807 problem', async () => {
    const res = await t.app.inject('/api/v1/nichts');
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ status: 404, title: 'Seite nicht gefunden' });
  });

  it('never shows a stack trace or internal message on a server error', async () => {
    const res = await t.app.inject('/test/boom');
    expect(res.statusCode).toBe(500);
    expect(res.body).toContain('Technischer Fehler');
    expect(res.body).not.toContain('secret detail');
    expect(res.body).not.toMatch(/at .*\.ts:\d+/);
  });

  it('reports health and readiness', async () => {
    expect((await t.app.inject('/healthz')).json()).toEqual({ status: 'ok' });
    const ready = await t.app.inject('/readyz');
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({ status: 'ready', database: t.testDb.kind });
  });

  it('exposes Prometheus metrics with request latency by route', async () => {
    await t.app.inject('/magdeburg/impressum');
    const res = await t.app.inject('/metrics');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('sac_http_request_duration_seconds_bucket');
    expect(res.body).toContain('route="/:tenant/impressum"');
    expect(res.body).toContain('sac_jobs{state="pending"} 0');
    expect(res.body).toContain('sac_jobs_oldest_pending_age_seconds');
  });

  describe('CSRF (F-18)', () => {
    it('rejects a form post without a token', async () => {
      const b = new Browser(t.app);
      await b.get('/test/form');
      const res = await b.post('/test/form', { name: 'x' });
      expect(res.statusCode).toBe(403);
      expect(res.body).toContain('Sitzung abgelaufen');
    });

    it('rejects a token from another session', async () => {
      const attacker = new Browser(t.app);
      const foreign = csrfFrom((await attacker.get('/test/form')).body);
      const victim = new Browser(t.app);
      await victim.get('/test/form');
      expect((await victim.post('/test/form', { _csrf: foreign })).statusCode).toBe(403);
    });

    it('accepts the session token', async () => {
      const b = new Browser(t.app);
      const token = csrfFrom((await b.get('/test/form')).body);
      expect((await b.post('/test/form', { _csrf: token })).statusCode).toBe(200);
    });
  });

  describe('sessions (F-21, F-22)', () => {
    it('sets an HttpOnly SameSite=Lax cookie', async () => {
      const res = await t.app.inject('/test/form');
      const cookie = String(res.headers['set-cookie']);
      expect(cookie).toContain('sac_session=');
      expect(cookie).toContain('HttpOnly');
      expect(cookie).toContain('SameSite=Lax');
    });

    it('issues a new session id at login and invalidates the old one', async () => {
      const b = new Browser(t.app);
      const token = csrfFrom((await b.get('/test/form')).body);
      const before = b.cookies.get('sac_session')!;
      await b.post('/test/login', { _csrf: token });
      const after = b.cookies.get('sac_session')!;
      expect(after).not.toBe(before);
      expect((await b.get('/test/whoami')).json()).toEqual({ user: 'erika' });
      const planted = await t.app.inject({ url: '/test/whoami', headers: { cookie: `sac_session=${before}` } });
      expect(planted.json()).toEqual({ user: null });
    });

    it('expires after the idle timeout (30 minutes by default)', async () => {
      const clock = t.clock as ManualClock;
      const b = new Browser(t.app);
      const token = csrfFrom((await b.get('/test/form')).body);
      await b.post('/test/login', { _csrf: token });
      clock.advance(29 * 60_000);
      expect((await b.get('/test/whoami')).json()).toEqual({ user: 'erika' });
      clock.advance(29 * 60_000);
      expect((await b.get('/test/whoami')).json()).toEqual({ user: 'erika' });
      clock.advance(31 * 60_000);
      expect((await b.get('/test/whoami')).json()).toEqual({ user: null });
    });

    it('expires after the absolute timeout even when used all the time', async () => {
      const clock = t.clock as ManualClock;
      const b = new Browser(t.app);
      const token = csrfFrom((await b.get('/test/form')).body);
      await b.post('/test/login', { _csrf: token });
      // Touched every 20 minutes (never idle), alive up to 11 h 40 min …
      for (let minutes = 20; minutes <= 700; minutes += 20) {
        clock.advance(20 * 60_000);
        expect((await b.get('/test/whoami')).json()).toEqual({ user: 'erika' });
      }
      // … and gone at 12 h, 20 minutes after the last request.
      clock.advance(20 * 60_000);
      expect((await b.get('/test/whoami')).json()).toEqual({ user: null });
    });

    it('logout removes the session server-side: the old cookie is useless afterwards', async () => {
      const b = new Browser(t.app);
      const token = csrfFrom((await b.get('/test/form')).body);
      await b.post('/test/login', { _csrf: token });
      const cookie = b.cookies.get('sac_session')!;
      await b.post('/test/logout', { _csrf: token });
      const replay = await t.app.inject({ url: '/test/whoami', headers: { cookie: `sac_session=${cookie}` } });
      expect(replay.json()).toEqual({ user: null });
    });
  });

  describe('language switch', () => {
    it('remembers English and returns to the page', async () => {
      const res = await t.app.inject('/sprache/en?zurueck=%2Fmagdeburg%2Fimpressum');
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe('/magdeburg/impressum');
      expect(String(res.headers['set-cookie'])).toContain('sac_lang=en');
      const page = await t.app.inject({ url: '/magdeburg/impressum', headers: { cookie: 'sac_lang=en' } });
      expect(page.body).toContain('<html lang="en"');
      expect(page.body).toContain('Skip to content');
    });

    it.each(['https://evil.example/', '//evil.example', '/\\evil.example', 'javascript:alert(1)'])(
      'refuses the open redirect %s',
      async (target) => {
        const res = await t.app.inject(`/sprache/de?zurueck=${encodeURIComponent(target)}`);
        expect(res.statusCode).toBe(303);
        expect(res.headers.location).toBe('/');
      },
    );
  });

  describe('tenant isolation', () => {
    it('shows an office only under its own tenant', async () => {
      expect((await t.app.inject('/wernigerode/stellen/familienbuero')).statusCode).toBe(200);
      expect((await t.app.inject('/magdeburg/stellen/familienbuero')).statusCode).toBe(404);
      expect((await t.app.inject('/halberstadt/stellen/familienbuero')).statusCode).toBe(404);
    });

    it('does not reach an office of another tenant by its id', async () => {
      const office = await t.testDb.database.db
        .selectFrom('offices')
        .select('id')
        .where('tenant_id', '=', t.tenantIds.get('wernigerode')!)
        .where('slug', '=', 'familienbuero')
        .executeTakeFirstOrThrow();
      expect((await t.app.inject(`/wernigerode/stellen/${office.id}`)).statusCode).toBe(200);
      expect((await t.app.inject(`/magdeburg/stellen/${office.id}`)).statusCode).toBe(404);
    });

    it('serves each tenant its own legal pages', async () => {
      const a = await t.app.inject('/magdeburg/impressum');
      const b = await t.app.inject('/wernigerode/impressum');
      expect(a.body).toContain('Alter Markt 6');
      expect(a.body).not.toContain('Marktplatz 1');
      expect(b.body).toContain('Marktplatz 1');
    });

    it('answers an unknown tenant with 404', async () => {
      expect((await t.app.inject('/atlantis/impressum')).statusCode).toBe(404);
    });
  });
});
