import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Clock } from '../../platform/clock.ts';
import type { AccountChrome, SessionChrome } from '../../platform/render/layout.tsx';
import { CITIZEN_KEY, type Citizen } from './citizen-session.ts';

/** Paths that are not citizen-facing pages: no login state, no session notice, no session lookup. */
const skipped = /^\/(assets|api|healthz|readyz|metrics|backoffice|admin|demo)(\/|$)|\.(css|js|svg|png|ico|xml|json)$/;

/** Session keys that mean "this visitor is working on an application" (see forms/drafts/draft-access.ts). */
const DRAFTS_KEY = 'formDrafts';

export function citizenName(citizen: Citizen): string | undefined {
  const name = [citizen.attributes.givenName, citizen.attributes.surname].filter(Boolean).join(' ');
  return name || undefined;
}

/** A way back without the multipart CSRF token some form actions carry in their query. */
function returnPath(request: FastifyRequest): string {
  const url = new URL(request.url, 'http://x');
  url.searchParams.delete('_csrf');
  return `${url.pathname}${url.search}`;
}

/**
 * Fills `request.chrome` for citizen-facing pages: the header's login state (name, Mein Konto, Abmelden,
 * or "Anmelden") and, for a logged-in citizen or an open draft, when the session ends with a
 * "Sitzung verlängern" button. Visitors without a session cookie cost no database query.
 */
export function registerPageChrome(app: FastifyInstance, clock: Clock): void {
  app.addHook('preHandler', async (request) => {
    const path = request.url.split('?')[0]!;
    if (skipped.test(path)) return;
    const session = await request.existingSession();
    const citizen = session?.get<Citizen>(CITIZEN_KEY);
    const working = (session?.get<string[]>(DRAFTS_KEY)?.length ?? 0) > 0;
    let account: AccountChrome | null = null;
    let notice: SessionChrome | undefined;
    if (citizen) account = { name: citizenName(citizen), via: citizen.providerLabel };
    if (session && (citizen || working)) {
      const csrf = await request.csrfToken();
      const endsAt = request.sessionEndsAt();
      if (endsAt)
        notice = {
          endsAt: endsAt.toISOString(),
          serverNow: clock.now().toISOString(),
          csrf,
          returnTo: returnPath(request),
        };
    }
    request.chrome = { account, session: notice };
  });
}
