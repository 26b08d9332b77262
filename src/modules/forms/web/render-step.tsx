import type { FastifyReply, FastifyRequest } from 'fastify';
import { sendPage } from '../../../platform/render/render.ts';
import type { FieldError, FormState } from '../engine/index.ts';
import { applicableFields, localize, stepPosition } from '../engine/index.ts';
import { idFor } from './field-ids.ts';
import { lockedNote } from './identity-prefill.ts';
import type { OpenDraft } from './open-application.ts';
import { fileInputsOf } from './step-files.ts';
import { RETURN_TO_CHECK, stepUrl } from './urls.ts';
import { StepPage } from './views/step-page.tsx';

export interface RenderStepOptions {
  stepId: string;
  state: FormState;
  errors: FieldError[];
  returnToCheck: boolean;
  status?: number;
}

/** Renders a step from the draft's state (after an error: from what was typed). */
export async function renderStep(
  request: FastifyRequest,
  reply: FastifyReply,
  open: OpenDraft,
  options: RenderStepOptions,
) {
  const { definition: def, engine, lang, tenant, draft } = open;
  const step = def.steps.find((candidate) => candidate.id === options.stepId)!;
  const position = stepPosition(def, step.id, options.state.answers, engine);
  const csrf = await request.csrfToken();
  const multipart = fileInputsOf(step).length > 0;
  const query = [options.returnToCheck ? RETURN_TO_CHECK : '', multipart ? `_csrf=${encodeURIComponent(csrf)}` : '']
    .filter(Boolean)
    .join('&');
  const action = `${stepUrl(tenant.slug, def.id, draft.id, step.id)}${query ? `?${query}` : ''}`;
  return sendPage(
    reply,
    <StepPage
      ctx={request.pageContext()}
      branding={request.branding!}
      lang={lang}
      assistantTitle={localize(def.title, lang)}
      title={localize(step.title, lang)}
      intro={step.intro ? localize(step.intro, lang) : undefined}
      position={position}
      hasBack={position.previous !== undefined || options.returnToCheck}
      fields={applicableFields(def, step.id, options.state.answers, engine)}
      state={options.state}
      page={{
        def,
        answers: options.state.answers,
        today: engine.today,
        lang,
        codeLists: engine.codeLists,
        errors: new Map(options.errors.map((error) => [error.name, error])),
        locked: new Set(draft.state.prefilled ?? []),
        lockedNotes: new Map(
          Object.entries(draft.state.prefillSources ?? {})
            .filter(([, source]) => source.locked)
            .map(([id, source]) => [id, lockedNote(source, lang)]),
        ),
      }}
      summaryErrors={options.errors.map((error) => ({ message: error.message, href: `#${idFor(error.focus)}` }))}
      action={action}
      csrf={csrf}
      multipart={multipart}
    />,
    options.status ?? 200,
  );
}
