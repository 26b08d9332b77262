import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../platform/deps.ts';
import { notFound } from '../../platform/errors.ts';
import { safeReturnPath } from '../../platform/http/page-context.ts';
import { SESSION_SCRIPT_PATH, sessionScript } from '../../platform/render/components/session-bar.tsx';
import { sendPage } from '../../platform/render/render.ts';
import { attachableDrafts, attachDrafts, declineAttachingDrafts } from '../forms/drafts/ops/attach-drafts.ts';
import { resolveTenant } from '../tenants/ops/resolve-tenant.ts';
import { reservedSlugs } from '../tenants/repo.ts';
import { currentCitizen } from './citizen-session.ts';
import { registerDemoIdp } from './demo-idp/register-demo-idp.tsx';
import { registerDemoOidc } from './demo-oidc/register-demo-oidc.tsx';
import { createIdentityService, type IdentityService } from './identity-service.ts';
import { completeLogin } from './ops/complete-login.ts';
import { logoutCitizen } from './ops/logout-citizen.ts';
import { recordIdentityAudit } from './ops/record-audit.ts';
import { startLogin } from './ops/start-login.ts';
import { registerPageChrome } from './page-chrome.ts';
import type { SamlPlugin } from './providers/saml/plugin.ts';
import { LoginRejected, type ProviderInstance } from './registry.ts';
import { isTrustLevel, meetsTrustLevel, type TrustLevel } from './trust-levels.ts';
import { AttachDraftsPage } from './views/attach-drafts-page.tsx';
import { autoSubmitScript } from './views/auto-post-form.tsx';
import { LoginPage } from './views/login-page.tsx';
import { LogoutPage } from './views/logout-page.tsx';
import { LoggedOutPage, LoginFailedPage, PostRedirectPage } from './views/simple-pages.tsx';

type Form = Record<string, string | undefined>;

function levelFrom(value: unknown): Exclude<TrustLevel, 'none'> {
  return isTrustLevel(value) && value !== 'none' ? value : 'basisregistrierung';
}

/** The tenant a login belongs to: the first segment of the way back, if it is a tenant. */
async function tenantOf(deps: Deps, request: FastifyRequest, returnTo: string) {
  const slug = returnTo.split(/[/?#]/)[1] ?? '';
  if (!slug || reservedSlugs.has(slug)) return undefined;
  try {
    return await resolveTenant(deps, request, slug);
  } catch {
    return undefined;
  }
}

/** Forms that post to another origin (an IdP) need that origin in the CSP's form-action. */
const extraFormAction = new WeakMap<FastifyRequest, string>();

/**
 * Citizen login routes: `/konto/anmelden` (choose provider / step-up), provider callbacks (SAML ACS,
 * OIDC callback), SP metadata, `/konto/abmelden`, and in demo mode the demo IdP under `/demo/idp`.
 */
export function registerIdentityRoutes(
  app: FastifyInstance,
  deps: Deps,
  identity: IdentityService = createIdentityService(deps),
): void {
  registerPageChrome(app, deps.clock);
  app.addHook('onSend', async (request, reply) => {
    const origin = extraFormAction.get(request);
    const csp = reply.getHeader('content-security-policy');
    if (origin && typeof csp === 'string')
      reply.header('content-security-policy', csp.replace("form-action 'self'", `form-action 'self' ${origin}`));
  });

  const failed = (request: FastifyRequest, reply: FastifyReply) =>
    sendPage(reply.header('cache-control', 'no-store'), <LoginFailedPage ctx={request.pageContext()} />, 400);

  async function instanceOr404(key: string): Promise<ProviderInstance> {
    const instance = await identity.find(key);
    if (!instance) throw notFound();
    return instance;
  }

  async function finish(request: FastifyRequest, reply: FastifyReply, instance: ProviderInstance) {
    try {
      const returnTo = safeReturnPath(await completeLogin(deps, request, instance), '/');
      // An application begun before the login: ask whether it goes into the account.
      if ((await attachableDrafts(deps, await request.existingSession())).length > 0)
        return reply.redirect(`/konto/antrag-uebernehmen?zurueck=${encodeURIComponent(returnTo)}`, 303);
      return reply.redirect(returnTo, 303);
    } catch (error) {
      if (error instanceof LoginRejected) return failed(request, reply);
      throw error;
    }
  }

  app.get('/konto/auto-submit.js', async (_request, reply) =>
    reply.type('text/javascript; charset=utf-8').header('cache-control', 'public, max-age=3600').send(autoSubmitScript),
  );

  app.get<{ Querystring: { niveau?: string; zurueck?: string } }>('/konto/anmelden', async (request, reply) => {
    const level = levelFrom(request.query.niveau);
    const returnTo = safeReturnPath(request.query.zurueck, '/');
    const citizen = await currentCitizen(request);
    if (citizen && meetsTrustLevel(citizen.trustLevel, level)) return reply.redirect(returnTo, 303);
    const tenant = await tenantOf(deps, request, returnTo);
    const providers = (await identity.list(tenant?.id ?? null)).map((p) => ({ key: p.key, label: p.label }));
    const csrf = await request.csrfToken();
    return sendPage(
      reply.header('cache-control', 'no-store'),
      <LoginPage
        ctx={request.pageContext()}
        branding={request.branding}
        level={level}
        returnTo={returnTo}
        csrf={csrf}
        providers={providers}
        citizen={citizen}
      />,
    );
  });

  app.post<{ Params: { key: string }; Body: Form }>('/konto/anmelden/:key', async (request, reply) => {
    const instance = await instanceOr404(request.params.key);
    const returnTo = safeReturnPath(request.body?.zurueck, '/');
    const tenant = await tenantOf(deps, request, returnTo);
    const offered = await identity.list(tenant?.id ?? null);
    if (!offered.some((p) => p.key === instance.key)) throw notFound();
    const start = await startLogin(deps, request, instance, {
      trustLevel: levelFrom(request.body?.niveau),
      returnTo,
      tenantId: tenant?.id ?? null,
    });
    if (start.kind === 'redirect') return reply.redirect(start.url, 303);
    extraFormAction.set(request, new URL(start.url).origin);
    return sendPage(
      reply.header('cache-control', 'no-store'),
      <PostRedirectPage
        ctx={request.pageContext()}
        branding={request.branding}
        action={start.url}
        fields={start.fields}
        text={`Sie werden zur Anmeldung bei „${instance.label}“ weitergeleitet.`}
      />,
    );
  });

  app.get<{ Params: { key: string } }>('/konto/saml/:key/metadata.xml', async (request, reply) => {
    const instance = await instanceOr404(request.params.key);
    if (instance.plugin.id !== 'saml') throw notFound();
    const xml = (instance.plugin as SamlPlugin).metadata(deps, instance.key, instance.options as never);
    return reply.type('application/samlmetadata+xml; charset=utf-8').send(xml);
  });

  // The IdP posts here cross-site, so the SameSite=Lax session cookie may be missing: then bounce the
  // same fields once through a same-origin form, which carries the cookie. The response is verified
  // strictly (signature, audience, issuer, InResponseTo, time, replay) instead of a CSRF token.
  app.post<{ Params: { key: string }; Body: Form }>(
    '/konto/saml/:key/acs',
    { config: { csrf: false } },
    async (request, reply) => {
      const instance = await instanceOr404(request.params.key);
      if (instance.plugin.id !== 'saml') throw notFound();
      const session = await request.existingSession();
      const body = request.body ?? {};
      if (!session && body.weiter !== '1' && typeof body.SAMLResponse === 'string') {
        const fields: Record<string, string> = { SAMLResponse: body.SAMLResponse, weiter: '1' };
        if (body.RelayState) fields.RelayState = body.RelayState;
        return sendPage(
          reply.header('cache-control', 'no-store'),
          <PostRedirectPage
            ctx={request.pageContext()}
            action={request.url}
            fields={fields}
            text="Die Anmeldung wird abgeschlossen."
          />,
        );
      }
      return finish(request, reply, instance);
    },
  );

  app.get<{ Params: { key: string } }>('/konto/saml/:key/slo', async (_request, reply) =>
    reply.redirect('/konto/abgemeldet', 303),
  );

  app.get<{ Params: { key: string } }>('/konto/oidc/:key/callback', async (request, reply) => {
    const instance = await instanceOr404(request.params.key);
    if (instance.plugin.id !== 'oidc') throw notFound();
    return finish(request, reply, instance);
  });

  app.post('/konto/abmelden', async (request, reply) => {
    const next = await logoutCitizen(deps, identity, request);
    return reply.redirect(next, 303);
  });

  app.get('/konto/abmelden', async (request, reply) => {
    if (!(await currentCitizen(request))) return reply.redirect('/konto/abgemeldet', 303);
    return sendPage(
      reply.header('cache-control', 'no-store'),
      <LogoutPage ctx={request.pageContext()} csrf={await request.csrfToken()} />,
    );
  });

  app.post('/konto/abmelden-ueberall', async (request, reply) => {
    const next = await logoutCitizen(deps, identity, request, { everywhere: true });
    return reply.redirect(next, 303);
  });

  app.get(SESSION_SCRIPT_PATH, async (_request, reply) =>
    reply.type('text/javascript; charset=utf-8').header('cache-control', 'public, max-age=3600').send(sessionScript),
  );

  // "Sitzung verlängern" (WCAG 2.2.1): the POST itself is the activity that restarts the idle timeout.
  app.post<{ Body: Form }>('/konto/sitzung', async (request, reply) => {
    (await request.existingSession())?.touch();
    return reply.redirect(safeReturnPath(request.body?.zurueck, '/'), 303);
  });

  app.get<{ Querystring: { zurueck?: string } }>('/konto/antrag-uebernehmen', async (request, reply) => {
    const returnTo = safeReturnPath(request.query.zurueck, '/');
    const session = await request.existingSession();
    if (!(await currentCitizen(request))) return reply.redirect(returnTo, 303);
    const drafts = await attachableDrafts(deps, session);
    if (drafts.length === 0) return reply.redirect(returnTo, 303);
    const tenant = await tenantOf(deps, request, returnTo);
    return sendPage(
      reply.header('cache-control', 'no-store'),
      <AttachDraftsPage
        ctx={request.pageContext()}
        branding={tenant ? request.branding : undefined}
        titles={drafts.map((d) => d.title)}
        returnTo={returnTo}
        csrf={await request.csrfToken()}
      />,
    );
  });

  app.post<{ Body: Form }>('/konto/antrag-uebernehmen', async (request, reply) => {
    const returnTo = safeReturnPath(request.body?.zurueck, '/');
    const session = await request.existingSession();
    const citizen = await currentCitizen(request);
    if (!session || !citizen) return reply.redirect(returnTo, 303);
    if (request.body?.antwort === 'ja') {
      const attached = await attachDrafts(deps, session, citizen.accountId);
      if (attached > 0)
        await recordIdentityAudit(deps, {
          tenantId: null,
          actor: `citizen:${citizen.accountId}`,
          action: 'citizen.drafts_attached',
          objectId: citizen.accountId,
          details: { drafts: attached },
        });
    } else declineAttachingDrafts(session);
    return reply.redirect(returnTo, 303);
  });

  app.get('/konto/abgemeldet', async (request, reply) =>
    sendPage(reply, <LoggedOutPage ctx={request.pageContext()} />),
  );

  if (deps.config.demo && identity.demoIdp)
    registerDemoIdp(app, deps, { ...identity.demoIdp, serviceProviders: () => identity.serviceProviders() });
  if (deps.config.demo) registerDemoOidc(app, deps);
}
