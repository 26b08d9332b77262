import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoOidcOptions } from '../../src/modules/identity/demo-oidc/built-in.ts';
import { createIdentityService } from '../../src/modules/identity/identity-service.ts';
import type { TestApp } from '../helpers/app.ts';
import { createListeningApp } from './oidc-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createListeningApp((app) => {
    // Broken issuers served by the test app itself.
    app.get('/test/ohne-endpunkte/.well-known/openid-configuration', async () => ({
      issuer: `${t.config.baseUrl}/test/ohne-endpunkte`,
      response_types_supported: ['code'],
    }));
    app.get('/test/anderer/.well-known/openid-configuration', async () => ({
      issuer: 'https://jemand-anderes.example',
      authorization_endpoint: 'https://jemand-anderes.example/authorize',
    }));
    app.get('/test/kein-json/.well-known/openid-configuration', async (_r, reply) =>
      reply.type('text/html').send('<html>Wartungsarbeiten</html>'),
    );
  });
});
afterAll(async () => {
  await t?.close();
});

const check = async (options: Record<string, unknown>) => {
  const plugin = createIdentityService(t.deps).registry.get('oidc');
  return plugin.checkConfig(
    plugin.optionsSchema.parse({ clientId: 'sac-portal', allowInsecureHttp: true, ...options }),
  );
};

describe('OIDC checkConfig() in plain words', () => {
  it('accepts the demo provider', async () => {
    expect(await check(demoOidcOptions(t.config, 'sac-portal'))).toEqual({ ok: true, problems: [] });
  });

  it('names an unreachable issuer', async () => {
    const r = await check({ issuer: 'http://127.0.0.1:9/idp' });
    expect(r.ok).toBe(false);
    expect(r.problems).toEqual([expect.stringMatching(/nicht erreichbar/)]);
  });

  it('names a missing discovery document', async () => {
    const r = await check({ issuer: `${t.config.baseUrl}/test/gibt-es-nicht` });
    expect(r.ok).toBe(false);
    expect(r.problems[0]).toMatch(/antwortet unter .*\/test\/gibt-es-nicht\/\.well-known\/openid-configuration nicht/);
  });

  it('names a discovery document that is not JSON', async () => {
    const r = await check({ issuer: `${t.config.baseUrl}/test/kein-json` });
    expect(r.ok).toBe(false);
    expect(r.problems[0]).toMatch(/keine gültige OpenID-Konfiguration/);
  });

  it('names a document for another issuer', async () => {
    const r = await check({ issuer: `${t.config.baseUrl}/test/anderer` });
    expect(r.ok).toBe(false);
    expect(r.problems[0]).toMatch(/anderen Aussteller/);
  });

  it('lists every missing endpoint', async () => {
    const r = await check({ issuer: `${t.config.baseUrl}/test/ohne-endpunkte` });
    expect(r.ok).toBe(false);
    expect(r.problems).toEqual([
      'In der OpenID-Konfiguration fehlt die Anmeldeadresse (authorization_endpoint).',
      'In der OpenID-Konfiguration fehlt die Token-Adresse (token_endpoint).',
      'In der OpenID-Konfiguration fehlt die Adresse der Signaturschlüssel (jwks_uri).',
    ]);
  });

  it('says when a public issuer is not https', async () => {
    const r = await check({ issuer: 'http://idp.example.org', allowInsecureHttp: false });
    expect(r.ok).toBe(false);
    expect(r.problems[0]).toMatch(/https:\/\//);
  });
});
