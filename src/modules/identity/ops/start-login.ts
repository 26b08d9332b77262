import type { FastifyRequest } from 'fastify';
import type { Deps } from '../../../platform/deps.ts';
import type { LoginRequest, LoginStart, ProviderInstance } from '../registry.ts';

export const PENDING_KEY = 'identityLogin';

/** What the session remembers between sending the citizen to a provider and the provider's answer. */
export interface PendingLogin extends LoginRequest {
  provider: string;
  tenantId: string | null;
  startedAt: string;
  protocol: Record<string, string>;
}

/**
 * Starts a login at a provider: the plug-in builds the request; the session keeps its request id, state,
 * nonce and PKCE verifier, bound to this browser. A new start replaces an unfinished one.
 */
export async function startLogin(
  deps: Deps,
  request: FastifyRequest,
  instance: ProviderInstance,
  login: LoginRequest & { tenantId: string | null },
): Promise<LoginStart> {
  const start = await instance.plugin.start(deps, instance, login);
  const session = await request.session();
  const pending: PendingLogin = {
    provider: instance.key,
    trustLevel: login.trustLevel,
    returnTo: login.returnTo,
    tenantId: login.tenantId,
    startedAt: deps.clock.now().toISOString(),
    protocol: start.pending,
  };
  session.set(PENDING_KEY, pending);
  return start;
}
