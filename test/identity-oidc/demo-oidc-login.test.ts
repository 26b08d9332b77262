import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoOidcClientSecret } from '../../src/modules/identity/demo-oidc/clients.ts';
import type { TestApp } from '../helpers/app.ts';
import {
  Browser,
  choosePersona,
  citizenOf,
  createListeningApp,
  failures,
  oidcLogin,
  openAuthorization,
  pathOf,
} from './oidc-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createListeningApp();
});
afterAll(async () => {
  await t?.close();
});

/** A refused login: the German error page, one more audit event with that reason, and no citizen. */
async function expectRefused(
  browser: Browser,
  persona: Record<string, string>,
  reason: string,
  o: { level?: string; tamper?: (callback: URL) => void } = {},
) {
  const before = await failures(t, reason);
  const { fields } = await openAuthorization(browser, o);
  const callback = await choosePersona(browser, fields, persona);
  o.tamper?.(callback);
  const res = await browser.get(pathOf(callback.href));
  expect(res.statusCode).toBe(400);
  expect(res.body).toContain('Anmeldung fehlgeschlagen');
  expect(res.body).toContain('Sie sind nicht angemeldet');
  expect(await citizenOf(browser)).toBeNull();
  expect(await failures(t, reason)).toBe(before + 1);
}

describe('demo OpenID provider as a citizen login (production OIDC client over HTTP)', () => {
  it('is offered on the login page next to the demo BundID', async () => {
    const page = await new Browser(t.app).get('/konto/anmelden?zurueck=%2Fmagdeburg');
    expect(page.body).toContain('Demo-OIDC (Testsystem)');
    expect(page.body).toContain('Demo-BundID (Testsystem)');
  });

  it('publishes discovery and JWKS for its issuer', async () => {
    const doc = (await t.app.inject('/demo/oidc/.well-known/openid-configuration')).json();
    expect(doc.issuer).toBe(`${t.config.baseUrl}/demo/oidc`);
    expect(doc.code_challenge_methods_supported).toEqual(['S256']);
    const jwks = (await t.app.inject('/demo/oidc/jwks')).json();
    expect(jwks.keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig' });
    expect(jwks.keys[0].d).toBeUndefined();
  });

  it('logs Erika in at level hoch with her full address; the session id changes', async () => {
    const browser = new Browser(t.app);
    await browser.get('/konto/anmelden');
    const before = browser.cookies.get('sac_session');
    expect(before).toBeTruthy();
    const { authorizeUrl, fields } = await openAuthorization(browser, { level: 'hoch' });
    expect(Object.fromEntries(authorizeUrl.searchParams)).toMatchObject({
      client_id: 'sac-portal',
      code_challenge_method: 'S256',
      acr_values: 'http://eidas.europa.eu/LoA/high',
      redirect_uri: `${t.config.baseUrl}/konto/oidc/demo-oidc/callback`,
    });
    const callback = await choosePersona(browser, fields, { persona: 'erika' });
    expect(callback.searchParams.get('iss')).toBe(`${t.config.baseUrl}/demo/oidc`);
    const res = await browser.get(pathOf(callback.href));
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/magdeburg');
    const after = browser.cookies.get('sac_session');
    expect(after).not.toBe(before);
    expect(await citizenOf(browser)).toMatchObject({
      provider: 'demo-oidc',
      providerLabel: 'Demo-OIDC (Testsystem)',
      trustLevel: 'hoch',
      attributes: {
        givenName: 'Erika',
        surname: 'Mustermann',
        birthdate: '1964-08-12',
        street: 'Heidestraße 17',
        postalCode: '51147',
        locality: 'Köln',
        country: 'DE',
      },
    });
    // The pre-login cookie is worthless afterwards (F-21).
    const old = new Browser(t.app);
    old.cookies.set('sac_session', before!);
    expect(await citizenOf(old)).toBeNull();
  });

  it('logs Max in at Basisregistrierung with his e-mail address only; same person, same account', async () => {
    const first = new Browser(t.app);
    expect((await oidcLogin(first, { persona: 'max' })).response.statusCode).toBe(303);
    const max = await citizenOf(first);
    expect(max).toMatchObject({
      trustLevel: 'basisregistrierung',
      attributes: { email: 'max.mustermann@example.org' },
    });
    expect(Object.keys(max.attributes)).toEqual(['email']);
    const again = new Browser(t.app);
    await oidcLogin(again, { persona: 'max' });
    expect((await citizenOf(again)).accountId).toBe(max.accountId);
  });

  it('logs a custom test person in at the chosen level', async () => {
    const browser = new Browser(t.app);
    const { response } = await oidcLogin(
      browser,
      { persona: 'eigene', kennung: 'x1', givenName: 'Ada', surname: 'Test', level: 'substantiell' },
      { level: 'substantiell' },
    );
    expect(response.statusCode).toBe(303);
    expect(await citizenOf(browser)).toMatchObject({
      trustLevel: 'substantiell',
      attributes: { givenName: 'Ada', surname: 'Test' },
    });
  });

  it('refuses a lower acr than requested (Max at hoch)', async () => {
    await expectRefused(new Browser(t.app), { persona: 'max' }, 'trust_level_too_low', { level: 'hoch' });
  });

  it('refuses a wrong state', async () => {
    await expectRefused(new Browser(t.app), { persona: 'erika' }, 'wrong_state', {
      tamper: (cb) => cb.searchParams.set('state', 'falscher-state'),
    });
  });

  it('refuses a wrong nonce', async () => {
    await expectRefused(new Browser(t.app), { persona: 'erika', fehlerfall: 'nonce' }, 'wrong_nonce');
  });

  it('refuses an ID token from the wrong issuer', async () => {
    await expectRefused(new Browser(t.app), { persona: 'erika', fehlerfall: 'iss' }, 'wrong_issuer');
  });

  it('refuses an ID token for another audience', async () => {
    await expectRefused(new Browser(t.app), { persona: 'erika', fehlerfall: 'aud' }, 'wrong_audience');
  });

  it('refuses an expired ID token', async () => {
    await expectRefused(new Browser(t.app), { persona: 'erika', fehlerfall: 'exp' }, 'expired');
  });

  it('refuses a cancelled login', async () => {
    await expectRefused(new Browser(t.app), { abbrechen: '1' }, 'cancelled');
  });

  it('refuses a replayed code, even in a session with a valid state', async () => {
    const first = new Browser(t.app);
    const { callback } = await oidcLogin(first, { persona: 'erika' });
    expect(await citizenOf(first)).not.toBeNull();
    const code = callback.searchParams.get('code')!;
    await expectRefused(new Browser(t.app), { persona: 'max' }, 'code_rejected', {
      tamper: (cb) => cb.searchParams.set('code', code),
    });
  });

  it('refuses a callback in a session that started no login', async () => {
    const attacker = new Browser(t.app);
    const { fields } = await openAuthorization(attacker);
    const callback = await choosePersona(attacker, fields, { persona: 'erika' });
    const victim = new Browser(t.app);
    const before = await failures(t, 'no_pending_login');
    const res = await victim.get(pathOf(callback.href));
    expect(res.statusCode).toBe(400);
    expect(await citizenOf(victim)).toBeNull();
    expect(await failures(t, 'no_pending_login')).toBe(before + 1);
  });
});

describe('demo OpenID provider: protocol checks on its own side', () => {
  const secret = () => demoOidcClientSecret(t.config.secretKey, 'sac-portal');

  /** A fresh code for the portal client, not yet redeemed. */
  async function freshCode() {
    const browser = new Browser(t.app);
    const { fields } = await openAuthorization(browser);
    const callback = await choosePersona(browser, fields, { persona: 'erika' });
    return { code: callback.searchParams.get('code')!, redirectUri: fields.redirect_uri! };
  }

  const token = (form: Record<string, string>) =>
    t.app.inject({
      method: 'POST',
      url: '/demo/oidc/token',
      payload: new URLSearchParams(form).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });

  it('refuses a token request without PKCE verifier, with a wrong one, and a code twice', async () => {
    const base = { grant_type: 'authorization_code', client_id: 'sac-portal', client_secret: secret() };
    const a = await freshCode();
    const missing = await token({ ...base, code: a.code, redirect_uri: a.redirectUri });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error).toBe('invalid_grant');
    // The failed attempt used the code up.
    const retry = await token({ ...base, code: a.code, redirect_uri: a.redirectUri, code_verifier: 'x'.repeat(43) });
    expect(retry.json().error).toBe('invalid_grant');
    const b = await freshCode();
    const wrong = await token({ ...base, code: b.code, redirect_uri: b.redirectUri, code_verifier: 'y'.repeat(43) });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({ error: 'invalid_grant', error_description: 'code_verifier does not match' });
  });

  it('refuses a wrong client secret', async () => {
    const a = await freshCode();
    const res = await token({
      grant_type: 'authorization_code',
      client_id: 'sac-portal',
      client_secret: 'falsch',
      code: a.code,
      redirect_uri: a.redirectUri,
    });
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toBe('invalid_client');
  });

  it('authenticates clients with HTTP Basic too, and refuses a malformed header', async () => {
    const a = await freshCode();
    const basic = (v: string) => `Basic ${Buffer.from(v).toString('base64')}`;
    const bad = await t.app.inject({
      method: 'POST',
      url: '/demo/oidc/token',
      payload: new URLSearchParams({ grant_type: 'authorization_code', code: a.code }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: basic('sac-portal:%E0%A4%A') },
    });
    expect(bad.statusCode).toBe(401);
    const b = await freshCode();
    const ok = await t.app.inject({
      method: 'POST',
      url: '/demo/oidc/token',
      payload: new URLSearchParams({
        grant_type: 'authorization_code',
        code: b.code,
        redirect_uri: b.redirectUri,
        code_verifier: 'z'.repeat(43),
      }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: basic(`sac-portal:${secret()}`) },
    });
    // Authenticated (not 401); the verifier of this test is not the browser's, so the grant is refused.
    expect(ok.statusCode).toBe(400);
    expect(ok.json().error).toBe('invalid_grant');
  });

  it('requires PKCE S256 at the authorization endpoint', async () => {
    const { authorizeUrl } = await openAuthorization(new Browser(t.app));
    authorizeUrl.searchParams.delete('code_challenge');
    const res = await t.app.inject(pathOf(authorizeUrl.href));
    expect(res.statusCode).toBe(303);
    const back = new URL(String(res.headers.location));
    expect(back.searchParams.get('error')).toBe('invalid_request');
    authorizeUrl.searchParams.set('code_challenge', 'a'.repeat(43));
    authorizeUrl.searchParams.set('code_challenge_method', 'plain');
    const plain = await t.app.inject(pathOf(authorizeUrl.href));
    expect(new URL(String(plain.headers.location)).searchParams.get('error')).toBe('invalid_request');
  });

  it('never redirects to an unregistered redirect URI', async () => {
    const { authorizeUrl } = await openAuthorization(new Browser(t.app));
    authorizeUrl.searchParams.set('redirect_uri', 'https://evil.example/callback');
    const res = await t.app.inject(pathOf(authorizeUrl.href));
    expect(res.statusCode).toBe(400);
    expect(res.headers.location).toBeUndefined();
    expect(res.body).toContain('Testsystem');
    expect(res.body).toContain('nicht registriert');
  });

  it('answers userinfo only with a valid access token', async () => {
    const res = await t.app.inject({ url: '/demo/oidc/userinfo', headers: { authorization: 'Bearer unbekannt' } });
    expect(res.statusCode).toBe(401);
  });
});
