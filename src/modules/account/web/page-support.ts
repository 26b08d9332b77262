import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../platform/deps.ts';
import { findPublishedDefinition } from '../../forms/assistants-store/repo.ts';
import { localize } from '../../forms/engine/index.ts';
import { type Citizen, currentCitizen, loginUrl } from '../../identity/citizen-session.ts';
import { citizenNavItems } from '../../identity/views/citizen-nav.tsx';

/**
 * The logged-in citizen, or undefined after answering with a 303 to the login page (coming back to
 * `returnTo`). Account pages hold personal data: never cached.
 */
export async function citizenOrLogin(
  request: FastifyRequest,
  reply: FastifyReply,
  returnTo = '/konto',
): Promise<Citizen | undefined> {
  reply.header('cache-control', 'no-store');
  const citizen = await currentCitizen(request);
  if (!citizen) {
    reply.redirect(loginUrl('basisregistrierung', returnTo), 303);
    return undefined;
  }
  return citizen;
}

/** What every account page needs besides its own data. */
export async function pageBasics(request: FastifyRequest) {
  return { ctx: request.pageContext(), navItems: await citizenNavItems(request) };
}

/** The assistant's title in the page language (its id when the definition is gone). */
export async function assistantTitle(deps: Deps, assistantId: string, version: string, lang: 'de' | 'en') {
  const definition = await findPublishedDefinition(deps.database, assistantId, version);
  return definition ? localize(definition.title, lang) : assistantId;
}

/** Adds `title` to items that name an assistant version. */
export async function withTitles<T extends { assistantId: string; assistantVersion: string }>(
  deps: Deps,
  items: T[],
  lang: 'de' | 'en',
): Promise<(T & { title: string })[]> {
  return Promise.all(
    items.map(async (item) => ({
      ...item,
      title: await assistantTitle(deps, item.assistantId, item.assistantVersion, lang),
    })),
  );
}
