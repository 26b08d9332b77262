import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../../platform/deps.ts';
import { sendPage } from '../../../../platform/render/render.ts';
import { paymentStepUrl } from '../../../payment/web/after-submit.ts';
import { submitApplication } from '../../../submissions/ops/submit-application.ts';
import { computeFees, type FieldError, localize, pruneHidden, summarize, validateAnswers } from '../../engine/index.ts';
import { splitName } from '../../engine/names.ts';
import { idFor } from '../field-ids.ts';
import { submittedPrefillSources } from '../identity-prefill.ts';
import { needsConsent } from '../next-page.ts';
import { checkOfferingAccess, denyWithoutAccess } from '../offering-access.ts';
import { type OpenDraft, openDraft } from '../open-application.ts';
import { grantReceipt } from '../receipt-access.ts';
import { redirectToReceipt } from '../show-receipt.ts';
import { checkUrl, consentUrl, RETURN_TO_CHECK, receiptUrl, stepUrl, submitUrl } from '../urls.ts';
import { CheckPage } from '../views/check-page.tsx';

type Params = { tenant: string; assistant: string; draftId: string };

/** The check-your-answers page and "Antrag absenden". */
export function registerCheckRoutes(app: FastifyInstance, deps: Deps): void {
  app.get<{ Params: Params }>('/:tenant/antrag/:assistant/:draftId/pruefen', async (request, reply) => {
    const open = await openDraft(deps, request, request.params);
    if (open.draft.status === 'submitted') return redirectToReceipt(deps, request, reply, open);
    const here = checkUrl(open.tenant.slug, open.definition.id, open.draft.id);
    const denied = await denyWithoutAccess(request, reply, open.offering, here);
    if (denied) return denied;
    if (needsConsent(open.definition) && !open.draft.state.consentAt) {
      return reply.redirect(consentUrl(open.tenant.slug, open.definition.id, open.draft.id), 303);
    }
    return renderCheck(request, reply, open, validateAnswers(open.definition, open.draft.state.answers, open.engine));
  });

  app.post<{ Params: Params }>('/:tenant/antrag/:assistant/:draftId/absenden', async (request, reply) => {
    const open = await openDraft(deps, request, request.params);
    const { tenant, definition, draft, engine } = open;
    // The level is checked again at submit (F-23): without it, no submission is created.
    const access = await checkOfferingAccess(request, open.offering, checkUrl(tenant.slug, definition.id, draft.id));
    if (!access.ok) return reply.redirect(access.url, 303);
    const citizen = access.citizen;
    const outcome = await submitApplication(deps, {
      tenant,
      draft,
      definition,
      serviceId: open.offering.service_id,
      ctx: engine,
      citizen: citizen
        ? { accountId: citizen.accountId, provider: citizen.provider, trustLevel: citizen.trustLevel }
        : null,
      prefillSources: submittedPrefillSources(draft.state, pruneHidden(definition, draft.state.answers, engine)),
    });
    if (outcome.kind === 'invalid') return renderCheck(request, reply, open, outcome.errors, 422);
    if (outcome.kind === 'consentMissing') return reply.redirect(consentUrl(tenant.slug, definition.id, draft.id), 303);
    grantReceipt(await request.session(), outcome.reference);
    // Fee-bearing: on to the payment step (payment module); otherwise the receipt.
    const payUrl = await paymentStepUrl(deps, tenant, definition.id, outcome.reference);
    return reply.redirect(payUrl ?? receiptUrl(tenant.slug, definition.id, outcome.reference), 303);
  });
}

async function renderCheck(
  request: FastifyRequest,
  reply: FastifyReply,
  open: OpenDraft,
  errors: FieldError[],
  status = 200,
) {
  const { definition: def, engine, lang, tenant, draft } = open;
  const answers = pruneHidden(def, draft.state.answers, engine);
  const changeUrl = (stepId: string) => `${stepUrl(tenant.slug, def.id, draft.id, stepId)}?${RETURN_TO_CHECK}`;
  const stepOf = (error: FieldError) =>
    def.steps.find((step) => step.fields.some((field) => field.id === splitName(error.name)?.[0]))?.id ??
    def.steps[0]!.id;
  return sendPage(
    reply,
    <CheckPage
      ctx={request.pageContext()}
      branding={request.branding!}
      lang={lang}
      assistantTitle={localize(def.title, lang)}
      steps={summarize(def, answers, engine)}
      changeUrl={changeUrl}
      consentUrl={needsConsent(def) ? consentUrl(tenant.slug, def.id, draft.id) : undefined}
      fees={computeFees(def, answers, engine)}
      errors={errors.map((error) => ({
        message: error.message,
        href: `${changeUrl(stepOf(error))}#${idFor(error.focus)}`,
      }))}
      action={submitUrl(tenant.slug, def.id, draft.id)}
      csrf={await request.csrfToken()}
    />,
    status,
  );
}
