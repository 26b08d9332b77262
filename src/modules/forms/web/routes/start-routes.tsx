import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../../../platform/deps.ts';
import { notFound } from '../../../../platform/errors.ts';
import { sendPage } from '../../../../platform/render/render.ts';
import { latestPublishedDefinition } from '../../assistants-store/repo.ts';
import type { AssistantDefinition, Field, Language } from '../../definition/types.ts';
import { startDraft } from '../../drafts/ops/start-draft.ts';
import { localize } from '../../engine/index.ts';
import { prefillIdentityOf } from '../identity-prefill.ts';
import { checkOfferingAccess, denyWithoutAccess } from '../offering-access.ts';
import { contentLanguage, openOffering } from '../open-application.ts';
import { startUrl, stepUrl } from '../urls.ts';
import { StartPage } from '../views/start-page.tsx';

type Params = { tenant: string; assistant: string };

/** `GET /{tenant}/antrag/{assistant}` (start page) and its POST, which creates the draft. */
export function registerStartRoutes(app: FastifyInstance, deps: Deps): void {
  app.get<{ Params: Params }>('/:tenant/antrag/:assistant', async (request, reply) => {
    const { tenant, offering } = await openOffering(deps, request, request.params.tenant, request.params.assistant);
    const def = await latestPublishedDefinition(deps.database, request.params.assistant);
    if (!def) throw notFound();
    const denied = await denyWithoutAccess(request, reply, offering, startUrl(tenant.slug, def.id));
    if (denied) return denied;
    const lang = contentLanguage(request, def);
    return sendPage(
      reply,
      <StartPage
        ctx={request.pageContext()}
        branding={request.branding!}
        lang={lang}
        title={localize(def.title, lang)}
        description={def.description ? localize(def.description, lang) : undefined}
        stepTitles={def.steps.map((step) => localize(step.title, lang))}
        fileLabels={fileLabels(def, lang)}
        minutes={minutesFor(def)}
        privacyUrl={`/${tenant.slug}/datenschutz`}
        action={startUrl(tenant.slug, def.id)}
        csrf={await request.csrfToken()}
      />,
    );
  });

  app.post<{ Params: Params }>('/:tenant/antrag/:assistant', async (request, reply) => {
    const { tenant, offering } = await openOffering(deps, request, request.params.tenant, request.params.assistant);
    const definition = await latestPublishedDefinition(deps.database, request.params.assistant);
    if (!definition) throw notFound();
    const access = await checkOfferingAccess(request, offering, startUrl(tenant.slug, definition.id));
    if (!access.ok) return reply.redirect(access.url, 303);
    const session = await request.session();
    const citizen = access.citizen;
    const { draftId, firstStep } = await startDraft(deps, {
      tenantId: tenant.id,
      offeringId: offering.id,
      definition,
      session,
      ...(citizen ? { identity: prefillIdentityOf(citizen), citizenAccountId: citizen.accountId } : {}),
    });
    return reply.redirect(stepUrl(tenant.slug, definition.id, draftId, firstStep), 303);
  });
}

function allFields(fields: Field[]): Field[] {
  return fields.flatMap((field) => (field.type === 'group' ? [field, ...allFields(field.fields)] : [field]));
}

function fileLabels(def: AssistantDefinition, lang: Language): string[] {
  const labels = allFields(def.steps.flatMap((step) => step.fields))
    .filter((field) => field.type === 'file')
    .map((field) => localize(field.label, lang));
  return [...new Set(labels)];
}

/** A rough estimate: about 20 seconds per input, at least 5 minutes. */
function minutesFor(def: AssistantDefinition): number {
  const inputs = allFields(def.steps.flatMap((step) => step.fields)).filter(
    (f) => f.type !== 'info' && f.type !== 'group',
  ).length;
  return Math.max(5, Math.ceil((inputs * 20) / 60 / 5) * 5);
}
