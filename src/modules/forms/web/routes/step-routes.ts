import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../../platform/deps.ts';
import { applicableSteps } from '../../engine/index.ts';
import { handleStepPost } from '../handle-step-post.tsx';
import { denyWithoutAccess } from '../offering-access.ts';
import { type OpenDraft, openDraft } from '../open-application.ts';
import { renderStep } from '../render-step.tsx';
import { redirectToReceipt } from '../show-receipt.ts';
import { stepUrl } from '../urls.ts';

type DraftParams = { tenant: string; assistant: string; draftId: string };
type StepParams = DraftParams & { stepId: string };
type StepQuery = { zurueck?: string };

/** A step post may carry one value of up to ~1 MB that the engine then rejects with a message. */
const STEP_BODY_LIMIT = 2 * 1024 * 1024;

/** Step pages: GET shows, POST saves and moves on. */
export function registerStepRoutes(app: FastifyInstance, deps: Deps): void {
  app.get<{ Params: DraftParams }>('/:tenant/antrag/:assistant/:draftId', async (request, reply) => {
    const open = await openDraft(deps, request, request.params);
    if (open.draft.status === 'submitted') return redirectToReceipt(deps, request, reply, open);
    const stepPage = stepUrl(open.tenant.slug, open.definition.id, open.draft.id, open.draft.currentStep);
    const denied = await denyWithoutAccess(request, reply, open.offering, stepPage);
    if (denied) return denied;
    return reply.redirect(stepUrl(open.tenant.slug, open.definition.id, open.draft.id, open.draft.currentStep), 303);
  });

  app.get<{ Params: StepParams; Querystring: StepQuery }>(
    '/:tenant/antrag/:assistant/:draftId/:stepId',
    async (request, reply) => {
      const open = await openDraft(deps, request, request.params);
      const early = await guard(deps, request, reply, open, request.params.stepId);
      if (early) return early;
      return renderStep(request, reply, open, {
        stepId: request.params.stepId,
        state: open.draft.state,
        errors: [],
        returnToCheck: request.query.zurueck === 'pruefen',
      });
    },
  );

  app.post<{ Params: StepParams; Querystring: StepQuery }>(
    '/:tenant/antrag/:assistant/:draftId/:stepId',
    { bodyLimit: STEP_BODY_LIMIT },
    async (request, reply) => {
      const open = await openDraft(deps, request, request.params);
      const early = await guard(deps, request, reply, open, request.params.stepId);
      if (early) return early;
      return handleStepPost(deps, request, reply, open, request.params.stepId, request.query.zurueck === 'pruefen');
    },
  );
}

/**
 * Submitted drafts go to their receipt; without the offering's trust level to the login/step-up page
 * (checked on every step, F-23); steps that do not apply (now) go to the draft's current step.
 */
async function guard(deps: Deps, request: FastifyRequest, reply: FastifyReply, open: OpenDraft, stepId: string) {
  if (open.draft.status === 'submitted') return redirectToReceipt(deps, request, reply, open);
  const here = stepUrl(open.tenant.slug, open.definition.id, open.draft.id, stepId);
  const denied = await denyWithoutAccess(request, reply, open.offering, here);
  if (denied) return denied;
  const steps = applicableSteps(open.definition, open.draft.state.answers, open.engine);
  if (steps.some((step) => step.id === stepId)) return undefined;
  const fallback = steps.find((step) => step.id === open.draft.currentStep) ?? steps[0]!;
  if (fallback.id === stepId) return undefined;
  return reply.redirect(stepUrl(open.tenant.slug, open.definition.id, open.draft.id, fallback.id), 303);
}
