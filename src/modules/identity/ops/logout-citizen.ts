import type { FastifyRequest } from 'fastify';
import type { Deps } from '../../../platform/deps.ts';
import { CITIZEN_KEY, type Citizen } from '../citizen-session.ts';
import type { IdentityService } from '../identity-service.ts';
import { recordIdentityAudit } from './record-audit.ts';

/**
 * Ends the session server-side (the old cookie is worthless afterwards, F-22) and returns where the
 * browser goes next: the IdP's single logout, if the provider offers one, else our logged-out page.
 */
export async function logoutCitizen(deps: Deps, identity: IdentityService, request: FastifyRequest): Promise<string> {
  const session = await request.existingSession();
  const citizen = session?.get<Citizen>(CITIZEN_KEY);
  session?.destroy();
  if (!citizen) return '/konto/abgemeldet';
  await recordIdentityAudit(deps, {
    tenantId: null,
    actor: `citizen:${citizen.accountId}`,
    action: 'citizen.logout',
    objectId: citizen.accountId,
    details: { provider: citizen.provider },
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
