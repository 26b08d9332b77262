import type { FastifyInstance } from 'fastify';
import { renderToString } from 'preact-render-to-string';
import { currentCitizen, requireTrustLevel } from '../../src/modules/identity/citizen-session.ts';
import { citizenNavItems } from '../../src/modules/identity/views/citizen-nav.tsx';
import { type Browser, csrfFrom } from '../helpers/app.ts';

const entities: Record<string, string> = { '&amp;': '&', '&quot;': '"', '&#39;': "'", '&lt;': '<', '&gt;': '>' };
const unescapeHtml = (s: string) => s.replace(/&(amp|quot|#39|lt|gt);/g, (m) => entities[m]!);

/** The first form of a page: its action path and all its hidden fields. */
export function formOf(html: string): { action: string; fields: Record<string, string> } {
  const form = /<form[^>]*action="([^"]+)"[^>]*>([\s\S]*?)<\/form>/.exec(html);
  if (!form) throw new Error(`no form in page: ${html.slice(0, 500)}`);
  const fields: Record<string, string> = {};
  for (const m of form[2]!.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g))
    fields[m[1]!] = unescapeHtml(m[2]!);
  const action = unescapeHtml(form[1]!);
  return { action: action.startsWith('http') ? new URL(action).pathname : action, fields };
}

export interface FlowOptions {
  level?: string;
  returnTo?: string;
  provider?: string;
  idpBase?: string;
}

/** Login page → provider choice → the AuthnRequest form the browser posts to the IdP. */
export async function startSamlLogin(browser: Browser, o: FlowOptions = {}) {
  const level = o.level ?? 'basisregistrierung';
  const returnTo = o.returnTo ?? '/magdeburg';
  const page = await browser.get(`/konto/anmelden?niveau=${level}&zurueck=${encodeURIComponent(returnTo)}`);
  if (page.statusCode !== 200) throw new Error(`login page ${page.statusCode}`);
  const start = await browser.post(`/konto/anmelden/${o.provider ?? 'demo-bundid'}`, {
    _csrf: csrfFrom(page.body),
    niveau: level,
    zurueck: returnTo,
  });
  if (start.statusCode !== 200) throw new Error(`start ${start.statusCode}: ${start.body.slice(0, 300)}`);
  return { start, toIdp: formOf(start.body) };
}

/** The id of the AuthnRequest inside a base64 SAMLRequest. */
export function requestIdOf(samlRequest: string): string {
  return /ID="([^"]+)"/.exec(Buffer.from(samlRequest, 'base64').toString('utf8'))![1]!;
}

/** Goes through the demo IdP as a persona (or custom person) and returns the form it posts to our ACS. */
export async function idpAnswer(
  browser: Browser,
  toIdp: { action: string; fields: Record<string, string> },
  persona: Record<string, string>,
) {
  const login = await browser.post(toIdp.action, toIdp.fields);
  if (login.statusCode !== 200) throw new Error(`idp ${login.statusCode}: ${login.body.slice(0, 500)}`);
  const form = formOf(login.body);
  const answer = await browser.post(form.action, { ...form.fields, ...persona });
  if (answer.statusCode !== 200) throw new Error(`idp answer ${answer.statusCode}: ${answer.body.slice(0, 500)}`);
  return { page: answer, toAcs: formOf(answer.body) };
}

/** Full login; returns the ACS response. */
export async function samlLogin(browser: Browser, persona: Record<string, string>, o: FlowOptions = {}) {
  const { toIdp } = await startSamlLogin(browser, o);
  const { toAcs } = await idpAnswer(browser, toIdp, persona);
  return { response: await browser.post(toAcs.action, toAcs.fields), toAcs, toIdp };
}

/** Test-only routes that show what other modules see. */
export function testRoutes(app: FastifyInstance): void {
  app.get('/test/nav', async (request, reply) =>
    reply.type('text/html').send(renderToString(await citizenNavItems(request))),
  );
  app.get('/test/csrf', async (request) => ({ csrf: await request.csrfToken() }));
  app.get('/test/citizen', async (request) => ({ citizen: (await currentCitizen(request)) ?? null }));
  app.get<{ Querystring: { level: string } }>('/test/needs', async (request, reply) => {
    const check = await requireTrustLevel(request, request.query.level as 'hoch', '/magdeburg/antrag/x');
    if (!check.ok) return reply.redirect(check.stepUpUrl, 303);
    return { ok: true, level: check.citizen?.trustLevel ?? null };
  });
}

export async function citizenOf(browser: Browser) {
  return JSON.parse((await browser.get('/test/citizen')).body).citizen;
}
