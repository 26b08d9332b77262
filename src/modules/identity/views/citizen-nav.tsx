import type { FastifyRequest } from 'fastify';
import { currentCitizen } from '../citizen-session.ts';
import { trustLevelNames } from '../trust-levels.ts';

/**
 * Header items for the Layout's `navItems`: "Anmelden" for visitors; for a logged-in citizen the
 * provider and trust level and an "Abmelden" button (a POST with CSRF token, never a link).
 *
 *   <Layout … navItems={await citizenNavItems(request)}>
 */
export async function citizenNavItems(request: FastifyRequest, returnTo: string = request.url) {
  const citizen = await currentCitizen(request);
  if (!citizen)
    return (
      <li>
        <a class="kern-link" href={`/konto/anmelden?zurueck=${encodeURIComponent(returnTo)}`}>
          Anmelden
        </a>
      </li>
    );
  const csrf = await request.csrfToken();
  return (
    <>
      <li>
        <span class="kern-body">
          Angemeldet über {citizen.providerLabel} (Vertrauensniveau {trustLevelNames[citizen.trustLevel]})
        </span>
      </li>
      <li>
        <form method="post" action="/konto/abmelden" class="sac-inline-form">
          <input type="hidden" name="_csrf" value={csrf} />
          <button type="submit" class="kern-btn kern-btn--tertiary">
            <span class="kern-label">Abmelden</span>
          </button>
        </form>
      </li>
    </>
  );
}
