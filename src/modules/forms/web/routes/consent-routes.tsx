import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../../platform/deps.ts';
import { sendPage } from '../../../../platform/render/render.ts';
import { saveDraft } from '../../drafts/ops/save-draft.ts';
import { applicableSteps, localize } from '../../engine/index.ts';
import { firstStepWithErrors } from '../next-page.ts';
import { denyWithoutAccess } from '../offering-access.ts';
import { type OpenDraft, openDraft } from '../open-application.ts';
import { pageUrl } from '../redirect-to.ts';
import { redirectToReceipt } from '../show-receipt.ts';
import { tx } from '../texts.ts';
import { consentUrl } from '../urls.ts';
import { ConsentPage } from '../views/consent-page.tsx';

type Params = { tenant: string; assistant: string; draftId: string };

/** The consent step between the last step and the check page. */
export function registerConsentRoutes(app: FastifyInstance, deps: Deps): void {
  app.get<{ Params: Params }>('/:tenant/antrag/:assistant/:draftId/einwilligung', async (request, reply) => {
    const open = await openDraft(deps, request, request.params);
    if (open.draft.status === 'submitted') return redirectToReceipt(deps, request, reply, open);
    const here = consentUrl(open.tenant.slug, open.definition.id, open.draft.id);
    const denied = await denyWithoutAccess(request, reply, open.offering, here);
    if (denied) return denied;
    return render(request, reply, open, !!open.draft.state.consentAt, false);
  });

  app.post<{ Params: Params }>('/:tenant/antrag/:assistant/:draftId/einwilligung', async (request, reply) => {
    const open = await openDraft(deps, request, request.params);
    if (open.draft.status === 'submitted') return redirectToReceipt(deps, request, reply, open);
    const { definition: def, draft, engine, tenant } = open;
    const denied = await denyWithoutAccess(request, reply, open.offering, consentUrl(tenant.slug, def.id, draft.id));
    if (denied) return denied;
    const body = (request.body ?? {}) as Record<string, unknown>;
    if (body.aktion === 'zurueck') {
      const steps = applicableSteps(def, draft.state.answers, engine);
      return reply.redirect(pageUrl(tenant.slug, def, draft.id, { kind: 'step', stepId: steps.at(-1)!.id }), 303);
    }
    if (body.einwilligung !== 'ja') return render(request, reply, open, false, true);
    const state = { ...draft.state, consentAt: deps.clock.now().toISOString() };
    await saveDraft(deps, draft, state, draft.currentStep);
    const missing = firstStepWithErrors(def, state, engine);
    const next = missing ? { kind: 'step' as const, stepId: missing } : { kind: 'check' as const };
    return reply.redirect(pageUrl(tenant.slug, def, draft.id, next, !!missing), 303);
  });
}

async function render(request: FastifyRequest, reply: FastifyReply, open: OpenDraft, checked: boolean, error: boolean) {
  const { definition: def, lang, tenant, draft } = open;
  return sendPage(
    reply,
    <ConsentPage
      ctx={request.pageContext()}
      branding={request.branding!}
      lang={lang}
      assistantTitle={localize(def.title, lang)}
      text={def.consent?.text ? localize(def.consent.text, lang) : tx(lang, 'consentDefault')}
      privacyUrl={safePrivacyUrl(def.consent?.privacyUrl, tenant.slug)}
      checked={checked}
      error={error}
      action={consentUrl(tenant.slug, def.id, draft.id)}
      csrf={await request.csrfToken()}
    />,
    error ? 422 : 200,
  );
}

/**
 * The tenant's privacy notice: the definition may name an absolute https page; a relative path such as
 * `/datenschutz` (the definition is shared by all tenants) means the tenant's own page.
 */
function safePrivacyUrl(url: string | undefined, tenantSlug: string): string {
  if (url?.startsWith('https://')) return url;
  const path = url && /^\/[a-z0-9/-]*$/.test(url) ? url : '/datenschutz';
  return `/${tenantSlug}${path}`;
}
