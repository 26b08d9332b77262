import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser, createTestApp, type TestApp } from '../helpers/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({
    env: {
      SAC_DEMO: '0',
      SAC_SECRET_KEY: randomBytes(32).toString('base64url'),
      SAC_DATA_KEY: `k1:${randomBytes(32).toString('base64')}`,
    },
  });
});
afterAll(async () => {
  await t?.close();
});

describe('without SAC_DEMO=1', () => {
  it('there is no demo OpenID provider and it is not offered as a login', async () => {
    for (const path of ['/demo/oidc/.well-known/openid-configuration', '/demo/oidc/jwks', '/demo/oidc/authorize'])
      expect((await t.app.inject(path)).statusCode, path).toBe(404);
    const page = await new Browser(t.app).get('/konto/anmelden?zurueck=%2Fmagdeburg');
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('Demo-OIDC');
    expect((await new Browser(t.app).get('/backoffice/anmelden')).body).not.toContain('Konto der Verwaltung');
  });
});
