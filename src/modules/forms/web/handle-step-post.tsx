import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../platform/deps.ts';
import { capRaw, type DraftState } from '../drafts/draft-state.ts';
import { saveDraft } from '../drafts/ops/save-draft.ts';
import { applyGroupAction, type FieldError, parseGroupAction, stepPosition, submitStep } from '../engine/index.ts';
import { withLockedValues } from './locked-pairs.ts';
import { nextAfterStep, nextWhenReturning } from './next-page.ts';
import type { OpenDraft } from './open-application.ts';
import { readStepBody } from './read-step-body.ts';
import { pageUrl } from './redirect-to.ts';
import { renderStep } from './render-step.tsx';
import { showResumeCode } from './show-resume-code.tsx';

/**
 * One step post. Every outcome saves the draft (typed input included, so nothing is lost):
 * "Weiter" validates and moves on (Post/Redirect/Get) or shows the errors; "Zurück", group buttons and
 * "Zwischenspeichern" save without blocking on errors.
 */
export async function handleStepPost(
  deps: Deps,
  request: FastifyRequest,
  reply: FastifyReply,
  open: OpenDraft,
  stepId: string,
  returnToCheck: boolean,
) {
  const { definition: def, engine, draft, tenant } = open;
  const step = def.steps.find((candidate) => candidate.id === stepId)!;
  const body = await readStepBody(request, deps, {
    tenantId: tenant.id,
    draftId: draft.id,
    step,
    answers: draft.state.answers,
  });
  const locked = new Set(draft.state.prefilled ?? []);
  const pairs = withLockedValues(body.pairs, step.fields, draft.state.answers, locked);
  const outcome = submitStep(def, stepId, draft.state, pairs, engine);
  // Typed input is kept (and shown again) only up to the engine's hard text limit: a 1 MB value is not echoed.
  const state: DraftState = { ...draft.state, answers: outcome.answers, raw: capRaw(outcome.raw) };
  const url = (page: Parameters<typeof pageUrl>[3], back = returnToCheck) =>
    pageUrl(tenant.slug, def, draft.id, page, back);

  const groupAction = parseGroupAction(body.action);
  if (groupAction) {
    const changed = applyGroupAction(def, state, groupAction);
    await saveDraft(deps, draft, { ...state, answers: changed.answers, raw: changed.raw }, stepId);
    return reply.redirect(url({ kind: 'step', stepId }), 303);
  }
  if (body.action === 'speichern') {
    await saveDraft(deps, draft, state, stepId);
    return showResumeCode(deps, request, reply, open, state, stepId);
  }
  if (body.action === 'zurueck') {
    await saveDraft(deps, draft, state, stepId);
    if (returnToCheck) return reply.redirect(url({ kind: 'check' }), 303);
    const previous = stepPosition(def, stepId, state.answers, engine).previous;
    return reply.redirect(url(previous ? { kind: 'step', stepId: previous.id } : { kind: 'step', stepId }, false), 303);
  }

  const errors: FieldError[] = [
    ...uploadErrors(body.fileErrors),
    ...outcome.errors.filter((e) => !body.fileErrors.has(e.name)),
  ];
  if (errors.length > 0) {
    await saveDraft(deps, draft, state, stepId);
    return renderStep(request, reply, open, { stepId, state, errors, returnToCheck, status: 422 });
  }
  const next = returnToCheck ? nextWhenReturning(def, state, engine) : nextAfterStep(def, stepId, state, engine);
  await saveDraft(deps, draft, state, next.kind === 'step' ? next.stepId : stepId);
  return reply.redirect(url(next), 303);
}

function uploadErrors(fileErrors: Map<string, string>): FieldError[] {
  return [...fileErrors].map(([name, message]) => ({ fieldId: name, name, focus: name, code: 'upload', message }));
}
