import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSamlResponse, type ResponseInput } from '../../src/modules/identity/demo-idp/build-response.ts';
import { generateKeyPairWithCertificate } from '../../src/modules/identity/self-signed-certificate.ts';
import { demoKeyPair } from '../../src/modules/identity/sp-keys.ts';
import { Browser, createTestApp, type TestApp } from '../helpers/app.ts';
import { citizenOf, idpAnswer, requestIdOf, startSamlLogin, testRoutes } from './flow.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ extend: testRoutes });
});
afterAll(() => t.close());

const acs = '/konto/saml/demo-bundid/acs';

async function failures() {
  return t.deps.database.db
    .selectFrom('audit_events')
    .select(['details', 'actor'])
    .where((eb) => eb.or([eb('tenant_id', 'is', null), eb('tenant_id', 'is not', null)]))
    .where('action', '=', 'citizen.login_failed')
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/** A response signed with the demo IdP's real key for this browser's pending request, with overrides. */
async function forgedFor(browser: Browser, overrides: Partial<ResponseInput> = {}) {
  const { toIdp } = await startSamlLogin(browser);
  const base = t.config.baseUrl;
  const xml = buildSamlResponse({
    idpEntityId: `${base}/demo/idp/metadata.xml`,
    keys: demoKeyPair(t.config.dataDir, 'demo-idp', 'x', new Date()),
    acsUrl: `${base}${acs}`,
    audience: `${base}/konto/saml/demo-bundid/metadata.xml`,
    inResponseTo: requestIdOf(toIdp.fields.SAMLRequest!),
    nameId: 'n',
    pseudonym: 'bpk2-test',
    trustLevel: 'hoch',
    method: 'eID',
    attributes: { givenName: 'Erika' },
    now: new Date(),
    ...overrides,
  });
  return Buffer.from(xml).toString('base64');
}

async function expectRefused(browser: Browser, samlResponse: string, reason: string) {
  const before = browser.cookieHeader;
  const res = await browser.post(acs, { SAMLResponse: samlResponse });
  expect(res.statusCode).toBe(400);
  expect(res.body).toContain('Anmeldung fehlgeschlagen');
  expect(res.body).toContain('Sie sind nicht angemeldet');
  expect(await citizenOf(browser)).toBeNull();
  expect((await failures())[0]?.details).toMatchObject({ reason, provider: 'demo-bundid' });
  expect(JSON.stringify((await failures())[0])).not.toMatch(/Erika|bpk2-test/);
  void before;
}

describe('SAML responses the ACS refuses (German error page, audit event, no session)', () => {
  it('accepts a correctly forged-for-test response (control)', async () => {
    const browser = new Browser(t.app);
    const res = await browser.post(acs, { SAMLResponse: await forgedFor(browser) });
    expect(res.statusCode).toBe(303);
    expect((await citizenOf(browser)).trustLevel).toBe('hoch');
  });

  it('refuses a tampered signature', async () => {
    const browser = new Browser(t.app);
    const { toIdp } = await startSamlLogin(browser);
    const { toAcs } = await idpAnswer(browser, toIdp, { persona: 'erika' });
    const xml = Buffer.from(toAcs.fields.SAMLResponse!, 'base64')
      .toString('utf8')
      .replace('STORK-QAA-Level-4', 'STORK-QAA-Level-3');
    await expectRefused(browser, Buffer.from(xml).toString('base64'), 'invalid_signature');
  });

  it('refuses a response signed by another key', async () => {
    const browser = new Browser(t.app);
    const keys = generateKeyPairWithCertificate('Fremder IdP', new Date());
    await expectRefused(browser, await forgedFor(browser, { keys }), 'invalid_signature');
  });

  it('refuses a wrong audience', async () => {
    const browser = new Browser(t.app);
    await expectRefused(
      browser,
      await forgedFor(browser, { audience: 'https://anderer-dienst.example/sp' }),
      'wrong_audience',
    );
  });

  it('refuses a wrong issuer', async () => {
    const browser = new Browser(t.app);
    await expectRefused(
      browser,
      await forgedFor(browser, { idpEntityId: 'https://falscher-idp.example' }),
      'wrong_issuer',
    );
  });

  it('refuses an assertion meant for another ACS (Recipient)', async () => {
    const browser = new Browser(t.app);
    await expectRefused(
      browser,
      await forgedFor(browser, { acsUrl: 'https://anderer-dienst.example/acs' }),
      'wrong_recipient',
    );
  });

  it('refuses an expired assertion', async () => {
    const browser = new Browser(t.app);
    await expectRefused(browser, await forgedFor(browser, { now: new Date(Date.now() - 3_600_000) }), 'expired');
  });

  it('refuses a response to another request (InResponseTo mismatch)', async () => {
    const browser = new Browser(t.app);
    await expectRefused(
      browser,
      await forgedFor(browser, { inResponseTo: '_someone-elses-request' }),
      'unknown_request',
    );
  });

  it('refuses an unsolicited response (no login started in this session)', async () => {
    const attacker = new Browser(t.app);
    const forged = await forgedFor(attacker);
    const victim = new Browser(t.app);
    await victim.get('/konto/anmelden');
    await expectRefused(victim, forged, 'no_pending_login');
  });

  it('refuses a replayed response, also in the same browser after a new start', async () => {
    const browser = new Browser(t.app);
    const { toIdp } = await startSamlLogin(browser);
    const { toAcs } = await idpAnswer(browser, toIdp, { persona: 'erika' });
    expect((await browser.post(acs, toAcs.fields)).statusCode).toBe(303);
    const again = new Browser(t.app);
    await startSamlLogin(again);
    await expectRefused(again, toAcs.fields.SAMLResponse!, 'unknown_request');
  });

  it('refuses a replayed assertion id even for the matching request (replay cache in the DB)', async () => {
    const { verifySamlResponse } = await import('../../src/modules/identity/providers/saml/verify-response.ts');
    const { createIdentityService } = await import('../../src/modules/identity/identity-service.ts');
    const identity = createIdentityService(t.deps);
    const instance = (await identity.find('demo-bundid'))!;
    const resolved = identity.saml.resolve(instance.options as never);
    const browser = new Browser(t.app);
    const { toIdp } = await startSamlLogin(browser);
    const { toAcs } = await idpAnswer(browser, toIdp, { persona: 'max' });
    const expected = { id: requestIdOf(toIdp.fields.SAMLRequest!), instant: new Date().toISOString() };
    const first = await verifySamlResponse(t.deps, resolved, 'demo-bundid', toAcs.fields.SAMLResponse!, expected);
    expect(first.trustLevel).toBe('basisregistrierung');
    await expect(
      verifySamlResponse(t.deps, resolved, 'demo-bundid', toAcs.fields.SAMLResponse!, expected),
    ).rejects.toMatchObject({
      reason: 'replayed_assertion',
    });
  });

  it('bounces a cross-site POST without session cookie once through a same-origin form', async () => {
    const browser = new Browser(t.app);
    const forged = await forgedFor(browser);
    const cookieless = await t.app.inject({
      method: 'POST',
      url: acs,
      payload: new URLSearchParams({ SAMLResponse: forged }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(cookieless.statusCode).toBe(200);
    expect(cookieless.body).toContain(`action="${acs}"`);
    expect(cookieless.body).toContain('name="weiter" value="1"');
    expect(cookieless.body).toContain('src="/konto/auto-submit.js"');
    const res = await browser.post(acs, { SAMLResponse: forged, weiter: '1' });
    expect(res.statusCode).toBe(303);
  });

  it('accepts attribute names with a space after urn:oid:', async () => {
    const browser = new Browser(t.app);
    const res = await browser.post(acs, { SAMLResponse: await forgedFor(browser, { spacedOids: true }) });
    expect(res.statusCode).toBe(303);
    expect(await citizenOf(browser)).toMatchObject({ trustLevel: 'hoch', attributes: { givenName: 'Erika' } });
  });
});
