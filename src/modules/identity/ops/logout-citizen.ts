import type { FastifyRequest } from 'fastify';
import type { Deps } from '../../../platform/deps.ts';
import { destroySessionsOf } from '../../../platform/http/session.ts';
import { CITIZEN_KEY, type Citizen, citizenSubject } from '../citizen-session.ts';
import type { IdentityService } from '../identity-service.ts';
import { recordIdentityAudit } from './record-audit.ts';

/**
 * Ends the session server-side (the old cookie is worthless afterwards, F-22) and returns where the
 * browser goes next: the IdP's single logout, if the provider offers one, else our logged-out page.
 * With `everywhere`, every session of the citizen account on every device ends too.
 */
export async function logoutCitizen(
  deps: Deps,
  identity: IdentityService,
  request: FastifyRequest,
  options: { everywhere?: boolean } = {},
): Promise<string> {
  const session = await request.existingSession();
  const citizen = session?.get<Citizen>(CITIZEN_KEY);
  session?.destroy();
  if (!citizen) return '/konto/abgemeldet';
  const ended = options.everywhere ? await destroySessionsOf(deps.database.db, citizenSubject(citizen.accountId)) : 1;
  await recordIdentityAudit(deps, {
    tenantId: null,
    actor: `citizen:${citizen.accountId}`,
    action: options.everywhere ? 'citizen.logout_everywhere' : 'citizen.logout',
    objectId: citizen.accountId,
    details: { provider: citizen.provider, ...(options.everywhere ? { sessions: ended } : {}) },
  });
  const instance = await identity.find(citizen.provider);
  if (!instance?.plugin.logoutUrl || !citizen.logout) return '/konto/abgemeldet';
  try {
    return (await instance.plugin.logoutUrl(deps, instance, citizen.logout)) ?? '/konto/abgemeldet';
  } catch (error) {
    request.log.warn({ err: { message: (error as Error)?.message } }, 'single logout request failed');
    return '/konto/abgemeldet';
  }
}
