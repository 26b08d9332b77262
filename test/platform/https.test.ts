import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.ts';

describe('behind https with an embedding municipality site', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({
      env: { SAC_BASE_URL: 'https://portal.example', SAC_FRAME_ANCESTORS: 'https://www.magdeburg.example' },
      extend(app) {
        app.get('/test/session', async (request) => {
          await request.csrfToken();
          return { ok: true };
        });
      },
    });
  });
  afterAll(() => t.close());

  it('sends HSTS and the configured frame-ancestors', async () => {
    const res = await t.app.inject('/');
    expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect(String(res.headers['content-security-policy'])).toContain('frame-ancestors https://www.magdeburg.example');
    expect(res.headers['x-frame-options']).toBeUndefined();
  });

  it('uses a __Host- cookie with Secure, HttpOnly and SameSite=Lax', async () => {
    const cookie = String((await t.app.inject('/test/session')).headers['set-cookie']);
    expect(cookie).toMatch(/^__Host-sac_session=/);
    expect(cookie).toContain('Secure');
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).toContain('Path=/');
    expect(cookie).not.toContain('Domain=');
  });
});
