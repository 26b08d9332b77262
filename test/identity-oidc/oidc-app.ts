import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { currentCitizen } from '../../src/modules/identity/citizen-session.ts';
import { Browser, createTestApp, csrfFrom, type TestApp } from '../helpers/app.ts';
import { freePort } from '../helpers/free-port.ts';

/**
 * A test app that also listens on 127.0.0.1, with SAC_BASE_URL pointing at itself: the OIDC client
 * (openid-client) fetches discovery, JWKS, token and userinfo of the demo provider over real HTTP,
 * while the browser side of each journey runs through `app.inject`.
 */
export async function createListeningApp(extend?: (app: FastifyInstance) => void): Promise<TestApp> {
  const port = await freePort();
  const t = await createTestApp({
    env: { SAC_BASE_URL: `http://127.0.0.1:${port}` },
    extend: (app) => {
      app.get('/test/citizen', async (request) => ({ citizen: (await currentCitizen(request)) ?? null }));
      extend?.(app);
    },
  });
  await t.app.listen({ port, host: '127.0.0.1' });
  return t;
}

export const pathOf = (url: string) => {
  const u = new URL(url, 'http://x');
  return u.pathname + u.search;
};

const entities: Record<string, string> = { '&amp;': '&', '&quot;': '"', '&#39;': "'", '&lt;': '<', '&gt;': '>' };
const unescapeHtml = (s: string) => s.replace(/&(amp|quot|#39|lt|gt);/g, (m) => entities[m]!);

/** The hidden fields of the first form of a page. */
export function hiddenFields(html: string): Record<string, string> {
  const form = /<form[^>]*>([\s\S]*?)<\/form>/.exec(html);
  if (!form) throw new Error(`no form in page: ${html.slice(0, 400)}`);
  const fields: Record<string, string> = {};
  for (const m of form[1]!.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g))
    fields[m[1]!] = unescapeHtml(m[2]!);
  return fields;
}

/** Login page → provider → the demo provider's authorization page (must be marked as a test system). */
export async function openAuthorization(
  browser: Browser,
  o: { level?: string; returnTo?: string; provider?: string } = {},
) {
  const level = o.level ?? 'basisregistrierung';
  const returnTo = o.returnTo ?? '/magdeburg';
  const page = await browser.get(`/konto/anmelden?niveau=${level}&zurueck=${encodeURIComponent(returnTo)}`);
  expect(page.statusCode).toBe(200);
  const start = await browser.post(`/konto/anmelden/${o.provider ?? 'demo-oidc'}`, {
    _csrf: csrfFrom(page.body),
    niveau: level,
    zurueck: returnTo,
  });
  expect(start.statusCode).toBe(303);
  const authorizeUrl = new URL(String(start.headers.location));
  const authorize = await browser.get(pathOf(authorizeUrl.href));
  expect(authorize.statusCode).toBe(200);
  expect(authorize.body).toContain('Testsystem');
  return { authorizeUrl, page: authorize, fields: hiddenFields(authorize.body) };
}

/** Chooses a persona at the demo provider; returns the redirect back to the client (not yet followed). */
export async function choosePersona(
  browser: Browser,
  fields: Record<string, string>,
  persona: Record<string, string>,
): Promise<URL> {
  const res = await browser.post('/demo/oidc/anmelden', { ...fields, ...persona });
  expect(res.statusCode, res.body.slice(0, 300)).toBe(303);
  return new URL(String(res.headers.location));
}

/** The whole journey; returns the callback's response and the callback URL used. */
export async function oidcLogin(
  browser: Browser,
  persona: Record<string, string>,
  o: { level?: string; returnTo?: string } = {},
): Promise<{ response: LightMyRequestResponse; callback: URL }> {
  const { fields } = await openAuthorization(browser, o);
  const callback = await choosePersona(browser, fields, persona);
  return { response: await browser.get(pathOf(callback.href)), callback };
}

export async function citizenOf(browser: Browser) {
  return JSON.parse((await browser.get('/test/citizen')).body).citizen;
}

/** How many failed citizen logins with this reason the audit log holds. */
export async function failures(t: TestApp, reason: string): Promise<number> {
  const rows = await t.deps.database.db
    .selectFrom('audit_events')
    .select('details')
    .where((eb) => eb.or([eb('tenant_id', 'is', null), eb('tenant_id', 'is not', null)]))
    .where('action', '=', 'citizen.login_failed')
    .execute();
  return rows.filter((r) => {
    const d = (typeof r.details === 'string' ? JSON.parse(r.details) : r.details) as { reason?: string };
    return d?.reason === reason;
  }).length;
}

export { Browser };
