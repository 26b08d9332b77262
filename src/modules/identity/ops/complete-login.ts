import type { FastifyRequest } from 'fastify';
import type { Deps } from '../../../platform/deps.ts';
import { CITIZEN_KEY, type Citizen, citizenSubject } from '../citizen-session.ts';
import { hashPseudonym } from '../pseudonym.ts';
import { LoginRejected, type ProviderInstance } from '../registry.ts';
import { recordIdentityAudit } from './record-audit.ts';
import { PENDING_KEY, type PendingLogin } from './start-login.ts';
import { upsertCitizenAccount } from './upsert-citizen-account.ts';

const pendingMaxAgeMs = 30 * 60_000;

/**
 * Finishes a login when the provider answers: the plug-in verifies the answer against what this
 * session started; then the account is found or created, the session id changes (F-21), and the
 * citizen is kept in the session. Any failure → audit event, no login, LoginRejected.
 * Returns the path to continue at.
 */
export async function completeLogin(deps: Deps, request: FastifyRequest, instance: ProviderInstance): Promise<string> {
  const session = await request.existingSession();
  const pending = session?.get<PendingLogin>(PENDING_KEY);
  const tenantId = pending?.tenantId ?? null;
  try {
    if (!session || !pending) throw new LoginRejected('no_pending_login');
    if (pending.provider !== instance.key) throw new LoginRejected('provider_mismatch');
    if (deps.clock.now().getTime() - Date.parse(pending.startedAt) > pendingMaxAgeMs)
      throw new LoginRejected('login_too_old');
    // One answer per start: whatever happens next, this pending login is used up.
    session.delete(PENDING_KEY);
    const identity = await instance.plugin.complete({ deps, request, pending: pending.protocol }, instance);
    const pseudonymHash = hashPseudonym(deps.config.secretKey, instance.key, identity.pseudonym);
    const accountId = await upsertCitizenAccount(deps, {
      pseudonymHash,
      provider: instance.key,
      trustLevel: identity.trustLevel,
    });
    const previous = session.get<Citizen>(CITIZEN_KEY);
    const citizen: Citizen = {
      accountId,
      pseudonymHash,
      provider: instance.key,
      providerLabel: instance.label,
      trustLevel: identity.trustLevel,
      authTime: deps.clock.now().toISOString(),
      attributes: identity.attributes,
      logout: identity.logout,
    };
    // Someone else logs in on this browser: nothing of the previous citizen's session may remain.
    if (previous && previous.accountId !== accountId)
      for (const k of Object.keys(session.data)) if (k !== 'csrf') session.delete(k);
    session.regenerate();
    session.setSubject(citizenSubject(accountId));
    session.set(CITIZEN_KEY, citizen);
    await recordIdentityAudit(deps, {
      tenantId,
      actor: `citizen:${accountId}`,
      action: previous?.accountId === accountId ? 'citizen.step_up' : 'citizen.login',
      objectId: accountId,
      details: {
        provider: instance.key,
        trustLevel: identity.trustLevel,
        requested: pending.trustLevel,
        ...(previous?.accountId === accountId ? { from: previous.trustLevel } : {}),
      },
    });
    return pending.returnTo;
  } catch (error) {
    const reason = error instanceof LoginRejected ? error.reason : 'internal_error';
    await recordIdentityAudit(deps, {
      tenantId,
      actor: 'anonymous',
      action: 'citizen.login_failed',
      details: { provider: instance.key, reason },
    });
    if (!(error instanceof LoginRejected))
      request.log.error({ err: { message: (error as Error)?.message } }, 'login failed');
    throw error instanceof LoginRejected ? error : new LoginRejected(reason, { cause: error });
  }
}
