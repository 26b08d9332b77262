import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import * as client from 'openid-client';
import type { Deps } from '../../../platform/deps.ts';
import { notFound } from '../../../platform/errors.ts';
import { sendPage } from '../../../platform/render/render.ts';
import { oidcConfiguration } from '../../identity/providers/oidc/discovery-cache.ts';
import { classifyOidcError } from '../../identity/providers/oidc/plugin.ts';
import { findTenantBySlug } from '../../tenants/repo.ts';
import { type StaffSessionData, staffSessionKey } from '../access.ts';
import { findAccountByEmail, listRoleGrants, type StaffAccount, writeStaffAudit } from '../repo.ts';
import { registerStaffOidcAdminRoutes } from './admin-routes.tsx';
import { findStaffOidcConfig, staffOidcCallbackPath } from './config.ts';
import { StaffOidcRefusedPage, StaffOidcUnavailablePage } from './views.tsx';

/** Between sending the browser to the municipality's provider and its answer. */
interface PendingStaffOidc {
  tenantId: string;
  state: string;
  nonce: string;
  verifier: string;
  startedAt: number;
}
const pendingKey = 'staffOidcLogin';
/** The password step's pending state: an OIDC login replaces it. */
const passwordPendingKey = 'staffLogin';
const pendingMaxAgeMs = 15 * 60_000;

/**
 * Optional login of a municipality's staff with the municipality's own OpenID provider. The provider
 * vouches for the person; the configured claim (e-mail address) names an existing, active staff account
 * that must hold a role in this municipality. The result is the same staff session as password + TOTP.
 */
export function registerStaffOidcRoutes(app: FastifyInstance, deps: Deps): void {
  const db = deps.database.db;
  registerStaffOidcAdminRoutes(app, deps);

  async function tenantWithConfig(slug: string) {
    const tenant = await findTenantBySlug(db, slug);
    const config = tenant ? await findStaffOidcConfig(deps, tenant.id) : undefined;
    if (!tenant || !config) throw notFound();
    return { tenant, config };
  }

  const noStore = (reply: FastifyReply) => reply.header('cache-control', 'no-store');

  app.post<{ Params: { tenant: string } }>('/backoffice/oidc/:tenant/anmelden', async (request, reply) => {
    const { tenant, config } = await tenantWithConfig(request.params.tenant);
    let oidc: client.Configuration;
    try {
      oidc = await oidcConfiguration(config.options);
    } catch {
      request.log.warn({ tenant: tenant.slug }, 'staff OIDC provider unreachable');
      return sendPage(noStore(reply), <StaffOidcUnavailablePage ctx={request.pageContext()} />, 502);
    }
    const verifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const url = client.buildAuthorizationUrl(oidc, {
      redirect_uri: `${deps.config.baseUrl}${staffOidcCallbackPath(tenant.slug)}`,
      scope: config.options.scope,
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    const session = await request.session();
    session.set(pendingKey, {
      tenantId: tenant.id,
      state,
      nonce,
      verifier,
      startedAt: deps.clock.now().getTime(),
    } satisfies PendingStaffOidc);
    return reply.redirect(url.href, 303);
  });

  app.get<{ Params: { tenant: string } }>('/backoffice/oidc/:tenant/callback', async (request, reply) => {
    const { tenant, config } = await tenantWithConfig(request.params.tenant);
    const session = await request.existingSession();
    const pending = session?.get<PendingStaffOidc>(pendingKey);

    const refuse = async (reason: string, account?: StaffAccount) => {
      await writeStaffAudit(db, {
        actor: account ? `staff:${account.id}` : 'anonym',
        action: 'staff.login_failed',
        staffId: account?.id,
        tenantId: tenant.id,
        details: { step: 'oidc', reason },
      });
      return sendPage(
        noStore(reply),
        <StaffOidcRefusedPage ctx={request.pageContext()} tenantName={tenant.name} />,
        403,
      );
    };

    if (!session || !pending || pending.tenantId !== tenant.id) return refuse('no_pending_login');
    session.delete(pendingKey);
    if (deps.clock.now().getTime() - pending.startedAt > pendingMaxAgeMs) return refuse('login_too_old');

    let claims: Record<string, unknown> = {};
    try {
      const oidc = await oidcConfiguration(config.options);
      const tokens = await client.authorizationCodeGrant(oidc, new URL(request.url, deps.config.baseUrl), {
        pkceCodeVerifier: pending.verifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
      const idClaims = (tokens.claims() ?? {}) as Record<string, unknown>;
      let profile: Record<string, unknown> = {};
      if (typeof idClaims.sub === 'string' && tokens.access_token && oidc.serverMetadata().userinfo_endpoint)
        profile = (await client.fetchUserInfo(oidc, tokens.access_token, idClaims.sub)) as Record<string, unknown>;
      claims = { ...profile, ...idClaims };
    } catch (error) {
      return refuse(classifyOidcError(error));
    }

    const value = claims[config.accountClaim];
    if (typeof value !== 'string' || !value.includes('@')) return refuse('claim_missing');
    if (config.accountClaim === 'email' && claims.email_verified === false) return refuse('email_not_verified');
    const account = await findAccountByEmail(db, value);
    if (!account?.active) return refuse('unknown_account');
    const grants = await listRoleGrants(db, account.id);
    if (!grants.some((g) => g.tenantId === tenant.id)) return refuse('no_role_in_tenant', account);

    await startStaffSession(request, account);
    await writeStaffAudit(db, {
      actor: `staff:${account.id}`,
      action: 'staff.login',
      staffId: account.id,
      tenantId: tenant.id,
      details: { method: 'oidc' },
    });
    return reply.redirect('/backoffice', 303);
  });
}

/** The same staff session the password + TOTP login creates: new session id, account and epoch. */
async function startStaffSession(request: FastifyRequest, account: StaffAccount): Promise<void> {
  const session = await request.session();
  session.regenerate();
  session.delete(passwordPendingKey);
  session.set(staffSessionKey, { id: account.id, epoch: account.session_epoch } satisfies StaffSessionData);
}
