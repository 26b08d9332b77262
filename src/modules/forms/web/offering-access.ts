import type { FastifyReply, FastifyRequest } from 'fastify';
import { type Citizen, currentCitizen, loginUrl } from '../../identity/citizen-session.ts';
import { meetsTrustLevel, type TrustLevel } from '../../identity/trust-levels.ts';

/** What an offering asks of the person using it (offerings.trust_level, offerings.anonymous_allowed). */
export interface AccessRule {
  trust_level: TrustLevel;
  anonymous_allowed: boolean;
}

export type Access = { ok: true; citizen: Citizen | undefined } | { ok: false; url: string };

/**
 * Whether this request may use the offering (F-23), checked on the start page, every step, the check
 * page and at submit — never only once:
 * - nobody logged in: allowed when the offering allows anonymous use or needs no level; otherwise the
 *   login page for the level (at least Basisregistrierung);
 * - logged in: the login must reach the offering's level; otherwise the step-up page, which explains
 *   which login methods reach it. Afterwards the citizen comes back to `returnTo`.
 */
export async function checkOfferingAccess(
  request: FastifyRequest,
  rule: AccessRule,
  returnTo: string,
): Promise<Access> {
  const citizen = await currentCitizen(request);
  if (!citizen) {
    if (rule.anonymous_allowed || rule.trust_level === 'none') return { ok: true, citizen };
    return { ok: false, url: loginUrl(rule.trust_level, returnTo) };
  }
  if (meetsTrustLevel(citizen.trustLevel, rule.trust_level)) return { ok: true, citizen };
  return { ok: false, url: loginUrl(rule.trust_level, returnTo) };
}

/**
 * For route handlers: undefined when the request may go on, else the 303 to the login/step-up page.
 *
 *   const denied = await denyWithoutAccess(request, reply, open.offering, stepUrl(…));
 *   if (denied) return denied;
 */
export async function denyWithoutAccess(
  request: FastifyRequest,
  reply: FastifyReply,
  rule: AccessRule,
  returnTo: string,
): Promise<FastifyReply | undefined> {
  const access = await checkOfferingAccess(request, rule, returnTo);
  if (access.ok) return undefined;
  return reply.header('cache-control', 'no-store').redirect(access.url, 303);
}
