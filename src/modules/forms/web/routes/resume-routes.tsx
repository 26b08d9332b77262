import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../../platform/deps.ts';
import { notFound } from '../../../../platform/errors.ts';
import { sendPage } from '../../../../platform/render/render.ts';
import { resolveTenant } from '../../../tenants/ops/resolve-tenant.ts';
import type { Language } from '../../definition/types.ts';
import { grantDraft } from '../../drafts/draft-access.ts';
import { findResumeTarget, resumeDraft } from '../../drafts/ops/resume-draft.ts';
import { normalizeResumeCode } from '../../drafts/resume-secrets.ts';
import { tx } from '../texts.ts';
import { draftUrl, resumeUrl } from '../urls.ts';
import { ResumePage } from '../views/resume-page.tsx';

type Params = { tenant: string; token: string };

/** `/{tenant}/antrag/fortsetzen/{token}`: asks for the code, then opens the draft in this session. */
export function registerResumeRoutes(app: FastifyInstance, deps: Deps): void {
  app.get<{ Params: Params }>('/:tenant/antrag/fortsetzen/:token', async (request, reply) => {
    const tenant = await resolveTenant(deps, request, request.params.tenant);
    const lang = langOf(request);
    if (!(await findResumeTarget(deps, tenant.id, request.params.token))) throw notFound(tx(lang, 'resumeUnknown'));
    reply.header('referrer-policy', 'no-referrer');
    return render(request, reply, undefined, '', 200);
  });

  app.post<{ Params: Params }>('/:tenant/antrag/fortsetzen/:token', async (request, reply) => {
    const tenant = await resolveTenant(deps, request, request.params.tenant);
    const lang = langOf(request);
    const given = (request.body as Record<string, unknown> | undefined)?.code;
    const code = typeof given === 'string' ? normalizeResumeCode(given) : '';
    reply.header('referrer-policy', 'no-referrer');
    if (code === '') return render(request, reply, tx(lang, 'resumeEmpty'), '', 422);
    const outcome = await resumeDraft(deps, tenant.id, request.params.token, code);
    if (outcome.kind === 'unknown') throw notFound(tx(lang, 'resumeUnknown'));
    if (outcome.kind === 'limited') {
      reply.header('retry-after', String(outcome.retryAfterSeconds));
      const minutes = Math.ceil(outcome.retryAfterSeconds / 60);
      return render(request, reply, tx(lang, 'resumeLimited', { minutes }), '', 429);
    }
    if (outcome.kind === 'wrong')
      return render(request, reply, tx(lang, 'resumeWrong'), typeof given === 'string' ? given.slice(0, 20) : '', 422);
    grantDraft(await request.session(), outcome.draftId);
    return reply.redirect(draftUrl(tenant.slug, outcome.assistantId, outcome.draftId), 303);
  });
}

function langOf(request: FastifyRequest): Language {
  return request.pageContext().lang;
}

async function render(
  request: FastifyRequest<{ Params: Params }>,
  reply: FastifyReply,
  error: string | undefined,
  code: string,
  status: number,
) {
  return sendPage(
    reply,
    <ResumePage
      ctx={request.pageContext()}
      branding={request.branding!}
      lang={langOf(request)}
      error={error}
      code={code}
      action={resumeUrl(request.params.tenant, request.params.token)}
      csrf={await request.csrfToken()}
    />,
    status,
  );
}
