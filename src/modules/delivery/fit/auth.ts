import type { FastifyRequest } from 'fastify';
import type { Deps } from '../../../platform/deps.ts';
import { AppError } from '../../../platform/errors.ts';
import { type AuthenticatedClient, clientIsActive, type FitScope, verifyAccessToken } from './credentials.ts';

/** The issuer of access tokens and of SAC's SETs: the API's base URL. */
export const fitIssuer = (deps: Deps) => `${deps.config.baseUrl}/api/v1/fit`;

function unauthorized(detail: string): AppError {
  return new AppError('unauthorized', detail, {
    headers: { 'www-authenticate': 'Bearer realm="sac-fit", error="invalid_token"' },
  });
}

/**
 * The client behind the request's Bearer token, with one of `scopes`. 401 without a valid, unexpired
 * token of an active client; 403 when the token lacks the scope.
 */
export async function requireClient(
  deps: Deps,
  request: FastifyRequest,
  scopes: readonly FitScope[],
): Promise<AuthenticatedClient> {
  const header = request.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer ([A-Za-z0-9._~+/-]+=*)$/.exec(header) : null;
  if (!match) throw unauthorized('Ein Bearer-Token (OAuth2 Client Credentials) ist erforderlich.');
  const client = await verifyAccessToken(match[1]!, {
    secretKey: deps.config.secretKey,
    issuer: fitIssuer(deps),
    now: deps.clock.now(),
  });
  if (!client || !(await clientIsActive(deps.database.db, client.tenantId, client.clientId))) {
    throw unauthorized('Das Zugriffstoken ist ungültig oder abgelaufen.');
  }
  if (!scopes.some((s) => client.scopes.includes(s))) {
    throw new AppError('forbidden', `Dem Zugriffstoken fehlt der Scope ${scopes.join(' oder ')}.`);
  }
  return client;
}
