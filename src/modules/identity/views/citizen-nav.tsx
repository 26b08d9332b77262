import type { FastifyRequest } from 'fastify';
import { AccountNav } from '../../../platform/render/components/account-nav.tsx';
import { currentCitizen } from '../citizen-session.ts';
import { citizenName } from '../page-chrome.ts';

/**
 * Header items for the Layout's `navItems`: "Anmelden" for visitors; for a logged-in citizen the name
 * and links to "Mein Konto" and "Abmelden". Pages get the same automatically through `ctx.account`
 * (see page-chrome.ts); this is for pages outside that (e.g. a page with its own chrome).
 *
 *   <Layout … navItems={await citizenNavItems(request)}>
 */
export async function citizenNavItems(request: FastifyRequest, returnTo: string = request.url) {
  const citizen = await currentCitizen(request);
  const account = citizen ? { name: citizenName(citizen), via: citizen.providerLabel } : null;
  return <AccountNav lang={request.pageContext().lang} path={returnTo} account={account} />;
}
