import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser, createTestApp, type TestApp } from '../helpers/app.ts';
import { citizenOf, samlLogin, testRoutes } from './flow.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ extend: testRoutes });
});
afterAll(() => t.close());

const audits = (action: string) =>
  t.deps.database.db
    .selectFrom('audit_events')
    .selectAll()
    .where('tenant_id', 'is', null)
    .where('action', '=', action)
    .execute();

describe('SAML login through the demo IdP (BundID profile)', () => {
  it('logs Erika in at trust level hoch with her attributes, and changes the session id', async () => {
    const browser = new Browser(t.app);
    const { response } = await samlLogin(browser, { persona: 'erika' }, { level: 'hoch' });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/magdeburg');
    const citizen = await citizenOf(browser);
    expect(citizen).toMatchObject({
      provider: 'demo-bundid',
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
    expect(citizen.pseudonymHash).toMatch(/^[0-9a-f]{64}$/);
    const account = await t.deps.database.db
      .selectFrom('citizen_accounts')
      .selectAll()
      .where('id', '=', citizen.accountId)
      .executeTakeFirstOrThrow();
    expect(account.last_trust_level).toBe('hoch');
    expect(JSON.stringify(account)).not.toMatch(/Erika|Mustermann|Heidestra/);
  });

  it('gives the same account at the next login and records the login without personal data', async () => {
    const a = new Browser(t.app);
    const b = new Browser(t.app);
    await samlLogin(a, { persona: 'erika' });
    await samlLogin(b, { persona: 'erika' });
    expect((await citizenOf(a)).accountId).toBe((await citizenOf(b)).accountId);
    const rows = await t.deps.database.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'citizen.login')
      .where((eb) => eb.or([eb('tenant_id', 'is', null), eb('tenant_id', 'is not', null)]))
      .execute();
    expect(rows.length).toBeGreaterThanOrEqual(2);
    expect(JSON.stringify(rows)).not.toMatch(/Erika|Mustermann|1964/);
  });

  it('logs Max in at Basisregistrierung with only his e-mail address', async () => {
    const browser = new Browser(t.app);
    const { response } = await samlLogin(browser, { persona: 'max' });
    expect(response.statusCode).toBe(303);
    const citizen = await citizenOf(browser);
    expect(citizen.trustLevel).toBe('basisregistrierung');
    expect(citizen.attributes).toEqual({ email: 'max.mustermann@example.org' });
  });

  it('takes a custom test person and level', async () => {
    const browser = new Browser(t.app);
    await samlLogin(browser, {
      persona: 'eigene',
      kennung: 'k1',
      givenName: 'Anna',
      surname: 'Test',
      level: 'substantiell',
    });
    expect(await citizenOf(browser)).toMatchObject({
      trustLevel: 'substantiell',
      attributes: { givenName: 'Anna', surname: 'Test' },
    });
  });

  it('serves SP metadata with our ACS, SLO and keys at a stable URL', async () => {
    const res = await t.app.inject({ url: '/konto/saml/demo-bundid/metadata.xml' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('samlmetadata+xml');
    expect(res.body).toContain('/konto/saml/demo-bundid/acs');
    expect(res.body).toContain('/konto/saml/demo-bundid/slo');
    expect(res.body).toContain('use="signing"');
    expect(res.body).toContain('use="encryption"');
  });

  it('sends a signed AuthnRequest with the akdb extension and the minimum STORK level', async () => {
    const { toIdp } = await (await import('./flow.ts')).startSamlLogin(new Browser(t.app), { level: 'substantiell' });
    const xml = Buffer.from(toIdp.fields.SAMLRequest!, 'base64').toString('utf8');
    expect(xml).toContain('akdb:AuthenticationRequest');
    expect(xml).toContain('urn:oid:1.3.6.1.4.1.25484.494450.3');
    expect(xml).toMatch(/Comparison="minimum"/);
    expect(xml).toContain('STORK-QAA-Level-3');
    expect(xml).toMatch(/<Signature xmlns="http:\/\/www.w3.org\/2000\/09\/xmldsig#">/);
    expect(xml).toContain('xmlenc#sha256');
  });

  it('marks every demo IdP page as a test system and posts back without inline script', async () => {
    const { toIdp } = await (await import('./flow.ts')).startSamlLogin(new Browser(t.app));
    const browser = new Browser(t.app);
    const page = await browser.post(toIdp.action, toIdp.fields);
    expect(page.body).toContain('Testsystem');
    const answer = await browser.post('/demo/idp/anmelden', { SAMLRequest: toIdp.fields.SAMLRequest!, persona: 'max' });
    expect(answer.body).toContain('Testsystem');
    expect(answer.body).toMatch(/<button type="submit"[^>]*><span class="kern-label">Weiter/);
    expect(answer.body).not.toMatch(/<script>(?!<\/script>)|<script(?![^>]*src=)[^>]*>/);
    expect(void (await audits('x'))).toBeUndefined();
  });
});
