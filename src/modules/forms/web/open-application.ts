import type { FastifyRequest } from 'fastify';
import { scoped } from '../../../platform/db/scope.ts';
import type { Deps } from '../../../platform/deps.ts';
import { notFound } from '../../../platform/errors.ts';
import { CITIZEN_KEY, type Citizen } from '../../identity/citizen-session.ts';
import { resolveTenant } from '../../tenants/ops/resolve-tenant.ts';
import type { Tenant } from '../../tenants/repo.ts';
import { findPublishedDefinition } from '../assistants-store/repo.ts';
import { shippedCodeLists } from '../codelists/index.ts';
import type { AssistantDefinition, Language } from '../definition/types.ts';
import { mayOpenDraft } from '../drafts/draft-access.ts';
import { type Draft, findDraft } from '../drafts/repo.ts';
import { type EngineContext, todayIn } from '../engine/index.ts';
import type { AccessRule } from './offering-access.ts';

export interface Offered {
  tenant: Tenant;
  offering: { id: string; service_id: string } & AccessRule;
}

export interface OpenDraft extends Offered {
  draft: Draft;
  definition: AssistantDefinition;
  lang: Language;
  engine: EngineContext & { lang: Language };
}

/** The tenant and its online offering of the assistant; 404 when the tenant does not offer it online. */
export async function openOffering(
  deps: Deps,
  request: FastifyRequest,
  slug: string,
  assistantId: string,
): Promise<Offered> {
  const tenant = await resolveTenant(deps, request, slug);
  if (!/^[a-z0-9][a-z0-9-]{0,99}$/.test(assistantId)) throw notFound();
  const offering = await scoped(deps.database.db, tenant.id)
    .selectFrom('offerings')
    .select(['id', 'service_id', 'trust_level', 'anonymous_allowed'])
    .where('assistant_id', '=', assistantId)
    .where('online', '=', true)
    .where('active', '=', true)
    .orderBy('created_at')
    .executeTakeFirst();
  if (!offering) throw notFound();
  return { tenant, offering };
}

/** English only where the definition has it and the visitor chose it. */
export function contentLanguage(request: FastifyRequest, definition: AssistantDefinition): Language {
  return request.pageContext().lang === 'en' && definition.languages.includes('en') ? 'en' : 'de';
}

export function engineContext(deps: Deps, lang: Language): EngineContext & { lang: Language } {
  return { today: todayIn(deps.clock.now()), lang, codeLists: shippedCodeLists };
}

/**
 * A draft this session may open, of this tenant and assistant, on its pinned definition version: one the
 * session started or resumed, or one owned by the logged-in citizen's account. A draft owned by an
 * account is never shown while another citizen is logged in. Anything else — unknown, expired, another
 * session's, account's or tenant's — is a 404, never a 403.
 */
export async function openDraft(
  deps: Deps,
  request: FastifyRequest,
  params: { tenant: string; assistant: string; draftId: string },
): Promise<OpenDraft> {
  const offered = await openOffering(deps, request, params.tenant, params.assistant);
  const session = await request.existingSession();
  const citizen = session?.get<Citizen>(CITIZEN_KEY);
  const granted = mayOpenDraft(session, params.draftId);
  if (!granted && !citizen) throw notFound();
  const draft = await findDraft(deps, offered.tenant.id, params.draftId);
  if (!draft || draft.assistantId !== params.assistant) throw notFound();
  const owner = draft.citizenAccountId;
  const ownDraft = !!owner && citizen?.accountId === owner;
  if (owner && citizen && !ownDraft) throw notFound();
  if (!granted && !ownDraft) throw notFound();
  const definition = await findPublishedDefinition(deps.database, draft.assistantId, draft.version);
  if (!definition) throw notFound();
  const lang = contentLanguage(request, definition);
  return { ...offered, draft, definition, lang, engine: engineContext(deps, lang) };
}
