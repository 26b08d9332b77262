import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIdentityService, type IdentityService } from '../../src/modules/identity/identity-service.ts';
import { saveProviderConfig } from '../../src/modules/identity/provider-configs.ts';
import { Browser, createTestApp, csrfFrom, type TestApp } from '../helpers/app.ts';
import { citizenOf, testRoutes } from './flow.ts';
import { type IssuedCode, startTestIssuer } from './oidc-issuer.ts';

let t: TestApp;
let identity: IdentityService;
let issuer: Awaited<ReturnType<typeof startTestIssuer>>;

beforeAll(async () => {
  issuer = await startTestIssuer('sac-portal', 'geheim');
  t = await createTestApp({ extend: testRoutes });
  identity = createIdentityService(t.deps);
  await saveProviderConfig(t.deps, identity.registry, {
    key: 'test-oidc',
    pluginId: 'oidc',
    label: 'Test-OIDC',
    options: { issuer: issuer.issuer, clientId: 'sac-portal', clientSecret: 'geheim', allowInsecureHttp: true },
  });
});
afterAll(async () => {
  await t.close();
  await issuer.close();
});

async function failureReason() {
  const row = await t.deps.database.db
    .selectFrom('audit_events')
    .select('details')
    .where((eb) => eb.or([eb('tenant_id', 'is', null), eb('tenant_id', 'is not', null)]))
    .where('action', '=', 'citizen.login_failed')
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return (row?.details as { reason?: string } | undefined)?.reason;
}

/** Starts a login and returns what the authorization endpoint received. */
async function start(browser: Browser, level = 'substantiell') {
  const page = await browser.get(`/konto/anmelden?niveau=${level}&zurueck=%2Fmagdeburg`);
  const res = await browser.post('/konto/anmelden/test-oidc', {
    _csrf: csrfFrom(page.body),
    niveau: level,
    zurueck: '/magdeburg',
  });
  expect(res.statusCode).toBe(303);
  const url = new URL(String(res.headers.location));
  expect(url.origin + url.pathname).toBe(`${issuer.issuer}/authorize`);
  return Object.fromEntries(url.searchParams) as Record<string, string>;
}

function code(params: Record<string, string>, overrides: Partial<IssuedCode> = {}) {
  return issuer.issue({
    nonce: params.nonce!,
    codeChallenge: params.code_challenge!,
    sub: 'oidc-sub-1',
    acr: 'http://eidas.europa.eu/LoA/substantial',
    claims: {
      given_name: 'Erika',
      family_name: 'Mustermann',
      birthdate: '1964-08-12',
      address: { street_address: 'Heidestraße 17', postal_code: '51147', locality: 'Köln', country: 'de' },
    },
    ...overrides,
  });
}

const callback = (c: string, state: string) =>
  `/konto/oidc/test-oidc/callback?code=${c}&state=${encodeURIComponent(state)}`;

async function expectRefused(browser: Browser, url: string, reason: string) {
  const res = await browser.get(url);
  expect(res.statusCode).toBe(400);
  expect(res.body).toContain('Anmeldung fehlgeschlagen');
  expect(await citizenOf(browser)).toBeNull();
  expect(await failureReason()).toBe(reason);
}

describe('OpenID Connect login (F-24)', () => {
  it('sends PKCE (S256), state, nonce and the acr for the level', async () => {
    const params = await start(new Browser(t.app));
    expect(params).toMatchObject({
      response_type: 'code',
      code_challenge_method: 'S256',
      acr_values: 'http://eidas.europa.eu/LoA/substantial',
      client_id: 'sac-portal',
    });
    expect(params.redirect_uri).toBe('http://localhost:3000/konto/oidc/test-oidc/callback');
    expect(params.state && params.nonce && params.code_challenge).toBeTruthy();
  });

  it('logs in with the authorization code, maps acr to the trust level and claims to attributes', async () => {
    const browser = new Browser(t.app);
    await browser.get('/konto/anmelden');
    const before = browser.cookies.get('sac_session');
    const params = await start(browser);
    const res = await browser.get(callback(code(params), params.state!));
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/magdeburg');
    expect(browser.cookies.get('sac_session')).not.toBe(before);
    expect(await citizenOf(browser)).toMatchObject({
      provider: 'test-oidc',
      trustLevel: 'substantiell',
      attributes: { givenName: 'Erika', street: 'Heidestraße 17', country: 'DE' },
    });
  });

  it('refuses a wrong state', async () => {
    const browser = new Browser(t.app);
    const params = await start(browser);
    await expectRefused(browser, callback(code(params), 'falscher-state'), 'wrong_state');
  });

  it('refuses a callback without a login started in this session', async () => {
    const attacker = new Browser(t.app);
    const params = await start(attacker);
    const victim = new Browser(t.app);
    await victim.get('/konto/anmelden');
    await expectRefused(victim, callback(code(params), params.state!), 'no_pending_login');
  });

  it('refuses a wrong nonce', async () => {
    const browser = new Browser(t.app);
    const params = await start(browser);
    await expectRefused(browser, callback(code(params, { nonce: 'anderer-nonce' }), params.state!), 'wrong_nonce');
  });

  it('refuses a replayed code', async () => {
    const browser = new Browser(t.app);
    const params = await start(browser);
    const c = code(params);
    expect((await browser.get(callback(c, params.state!))).statusCode).toBe(303);
    const again = new Browser(t.app);
    const params2 = await start(again);
    await expectRefused(again, callback(c, params2.state!), 'code_rejected');
  });

  it('refuses an ID token from the wrong issuer', async () => {
    const browser = new Browser(t.app);
    const params = await start(browser);
    await expectRefused(
      browser,
      callback(code(params, { issuerOverride: 'https://falscher-issuer.example' }), params.state!),
      'wrong_issuer',
    );
  });

  it('refuses an expired ID token', async () => {
    const browser = new Browser(t.app);
    const params = await start(browser);
    await expectRefused(browser, callback(code(params, { expiresInSeconds: -600 }), params.state!), 'expired');
  });

  it('checkConfig() says when the issuer is unreachable', async () => {
    const plugin = identity.registry.get('oidc');
    const ok = await plugin.checkConfig(
      plugin.optionsSchema.parse({ issuer: issuer.issuer, clientId: 'sac-portal', allowInsecureHttp: true }),
    );
    expect(ok).toEqual({ ok: true, problems: [] });
    const down = await plugin.checkConfig(
      plugin.optionsSchema.parse({ issuer: 'http://127.0.0.1:9/', clientId: 'x', allowInsecureHttp: true }),
    );
    expect(down.ok).toBe(false);
    expect(down.problems[0]).toMatch(/nicht erreichbar/);
  });
});
