import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerDemoIdp } from '../../src/modules/identity/demo-idp/register-demo-idp.tsx';
import { createIdentityService, type IdentityService } from '../../src/modules/identity/identity-service.ts';
import { saveProviderConfig } from '../../src/modules/identity/provider-configs.ts';
import { checkSamlConfig } from '../../src/modules/identity/providers/saml/check-config.ts';
import { samlOptionsSchema } from '../../src/modules/identity/providers/saml/options.ts';
import {
  generateKeyPairWithCertificate,
  selfSignedCertificate,
} from '../../src/modules/identity/self-signed-certificate.ts';
import type { Deps } from '../../src/platform/deps.ts';
import { Browser, createTestApp, type TestApp } from '../helpers/app.ts';
import { citizenOf, samlLogin, testRoutes } from './flow.ts';

let t: TestApp;
let identity: IdentityService;
const secondIdpKeys = generateKeyPairWithCertificate('Zweiter Test-IdP', new Date());

beforeAll(async () => {
  // Deps exist only after the app is built; the second IdP reads them at request time.
  const lazyDeps = new Proxy({} as Deps, { get: (_, k) => t.deps[k as keyof Deps] });
  t = await createTestApp({
    extend: (app) => {
      testRoutes(app);
      registerDemoIdp(app, lazyDeps, {
        basePath: '/demo/idp2',
        entityId: 'https://idp2.test.example/saml',
        keys: secondIdpKeys,
        serviceProviders: () => identity.serviceProviders(),
      });
    },
  });
  identity = createIdentityService(t.deps);
});
afterAll(() => t.close());

describe('a second, differently configured SAML IdP works by configuration alone', () => {
  it('logs in through /demo/idp2 after adding its metadata as a provider', async () => {
    const metadata = (await t.app.inject({ url: '/demo/idp2/metadata.xml' })).body;
    await saveProviderConfig(t.deps, identity.registry, {
      key: 'zweiter-idp',
      pluginId: 'saml',
      label: 'Zweiter IdP',
      options: { spEntityId: 'https://sac.test.example/sp-zwei', idpMetadataXml: metadata },
    });
    const browser = new Browser(t.app);
    const { response } = await samlLogin(browser, { persona: 'erika' }, { provider: 'zweiter-idp', level: 'hoch' });
    expect(response.statusCode).toBe(303);
    const viaSecond = await citizenOf(browser);
    expect(viaSecond).toMatchObject({
      provider: 'zweiter-idp',
      trustLevel: 'hoch',
      attributes: { surname: 'Mustermann' },
    });

    const other = new Browser(t.app);
    await samlLogin(other, { persona: 'erika' });
    expect((await citizenOf(other)).accountId).not.toBe(viaSecond.accountId);
    const stored = await t.deps.database.db.selectFrom('identity_providers').selectAll().execute();
    expect(stored[0]!.options_encrypted).not.toContain('idp2');
  });

  it('refuses a response from the second IdP at the first provider’s ACS', async () => {
    const browser = new Browser(t.app);
    const flow = await import('./flow.ts');
    const { toIdp } = await flow.startSamlLogin(browser, { provider: 'demo-bundid' });
    const { toAcs } = await flow.idpAnswer(browser, { ...toIdp, action: '/demo/idp2/sso' }, { persona: 'erika' });
    const res = await browser.post(toAcs.action, toAcs.fields);
    expect(res.statusCode).toBe(400);
    expect(await citizenOf(browser)).toBeNull();
  });
});

describe('checkConfig() reports a broken configuration in plain words', () => {
  const now = new Date();
  const parse = (o: unknown) => samlOptionsSchema.parse(o);

  it('passes a good configuration', async () => {
    const metadata = (await t.app.inject({ url: '/demo/idp2/metadata.xml' })).body;
    const sp = generateKeyPairWithCertificate('SP', now);
    const options = parse({
      spEntityId: 'x',
      idpMetadataXml: metadata,
      spPrivateKeyPem: sp.privateKeyPem,
      spCertificatePem: sp.certificatePem,
    });
    expect(checkSamlConfig(options, { demo: false, now })).toEqual({ ok: true, problems: [] });
    expect(await identity.saml.checkConfig(parse({ spEntityId: 'x', idpMetadataXml: metadata }))).toEqual({
      ok: true,
      problems: [],
    });
  });

  it('names metadata that does not parse', () => {
    const r = checkSamlConfig(parse({ spEntityId: 'x', idpMetadataXml: '<kaputt' }), { demo: true, now });
    expect(r.ok).toBe(false);
    expect(r.problems.join(' ')).toMatch(/Metadaten/);
  });

  it('names an expired IdP certificate, missing SP keys, a key that does not fit and an entity id mismatch', () => {
    const old = selfSignedCertificate(secondIdpKeys.privateKeyPem, 'alt', new Date('2020-01-01'), 30);
    const other = generateKeyPairWithCertificate('anderer', now);
    const options = parse({
      spEntityId: 'x',
      idp: { entityId: 'https://idp.example', ssoUrl: 'https://idp.example/sso', certificatesPem: [old] },
    });
    const r = checkSamlConfig(options, { demo: false, now, expectedIdpEntityId: 'https://bundid.example' });
    expect(r.problems).toEqual([
      'Die entityID in den Metadaten („https://idp.example“) passt nicht zur erwarteten („https://bundid.example“).',
      'Das Signaturzertifikat 1 des Identitätsanbieters ist am 31.1.2020 abgelaufen.',
      'Es fehlt das Schlüsselpaar des Dienstanbieters (spPrivateKeyPem und spCertificatePem).',
    ]);
    const mismatch = checkSamlConfig(
      { ...options, spPrivateKeyPem: other.privateKeyPem, spCertificatePem: secondIdpKeys.certificatePem },
      { demo: false, now },
    );
    expect(mismatch.problems).toContain('Der private Schlüssel des Dienstanbieters passt nicht zu seinem Zertifikat.');
  });

  it('names metadata for another entity than the expected one (from the options)', async () => {
    const metadata = (await t.app.inject({ url: '/demo/idp2/metadata.xml' })).body;
    const r = await identity.saml.checkConfig(
      parse({ spEntityId: 'x', idpMetadataXml: metadata, expectedIdpEntityId: 'https://id.bund.de/idp' }),
    );
    expect(r.problems).toEqual([
      'Die entityID in den Metadaten („https://idp2.test.example/saml“) passt nicht zur erwarteten („https://id.bund.de/idp“).',
    ]);
  });

  it('refuses options that are not even well-formed before storing them', async () => {
    await expect(
      saveProviderConfig(t.deps, identity.registry, {
        key: 'kaputt',
        pluginId: 'saml',
        label: 'x',
        options: { spEntityId: 'x' },
      }),
    ).rejects.toThrow(/entweder idpMetadataXml oder idp/);
  });
});
