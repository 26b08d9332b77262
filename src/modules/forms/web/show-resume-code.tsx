import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../platform/deps.ts';
import { sendPage } from '../../../platform/render/render.ts';
import type { AssistantDefinition } from '../definition/types.ts';
import type { DraftState } from '../drafts/draft-state.ts';
import { createResumeCode } from '../drafts/ops/create-resume-code.ts';
import { formatResumeCode } from '../drafts/resume-secrets.ts';
import { type Answers, formatIsoDate, localize } from '../engine/index.ts';
import type { OpenDraft } from './open-application.ts';
import { resumeMailText } from './resume-mail-text.ts';
import { resumeUrl, stepUrl } from './urls.ts';
import { SavedPage } from './views/saved-page.tsx';

/**
 * "Zwischenspeichern": a new resume link and code, shown once. When the answers include an e-mail
 * address, the link (never the code, never answers) is mailed too: link and code travel separately, so
 * a read mailbox alone does not open the draft.
 */
export async function showResumeCode(
  deps: Deps,
  request: FastifyRequest,
  reply: FastifyReply,
  open: OpenDraft,
  state: DraftState,
  stepId: string,
) {
  const { definition: def, tenant, draft, lang } = open;
  const { token, code } = await createResumeCode(deps, draft);
  const link = `${deps.config.baseUrl}${resumeUrl(tenant.slug, token)}`;
  const validUntil = formatIsoDate(
    new Date(deps.clock.now().getTime() + deps.config.draftTtlDays * 86_400_000).toISOString().slice(0, 10),
  );
  const email = emailAnswer(def, state.answers);
  let mailed = false;
  if (email) {
    try {
      await deps.mailer.send({
        to: email,
        ...resumeMailText({ lang, title: localize(def.title, lang), tenantName: tenant.name, link, validUntil }),
      });
      mailed = true;
    } catch (error) {
      request.log.warn({ err: (error as Error).message }, 'resume mail not sent');
    }
  }
  reply.header('cache-control', 'no-store');
  return sendPage(
    reply,
    <SavedPage
      ctx={request.pageContext()}
      branding={request.branding!}
      lang={lang}
      assistantTitle={localize(def.title, lang)}
      resumeLink={link}
      code={formatResumeCode(code)}
      validUntil={validUntil}
      mailed={mailed}
      continueUrl={stepUrl(tenant.slug, def.id, draft.id, stepId)}
    />,
  );
}

/** The first answered top-level e-mail field. */
function emailAnswer(def: AssistantDefinition, answers: Answers): string | undefined {
  for (const field of def.steps.flatMap((step) => step.fields)) {
    const value = answers[field.id];
    if (field.type === 'email' && typeof value === 'string' && value !== '') return value;
  }
  return undefined;
}
