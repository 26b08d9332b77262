import type { Branding, PageContext } from '../../../../platform/render/layout.tsx';
import { Layout } from '../../../../platform/render/layout.tsx';
import type { Field, Language } from '../../definition/types.ts';
import type { FormState } from '../../engine/index.ts';
import { ErrorSummary, type SummaryError } from './error-summary.tsx';
import type { PageFacts } from './fields/field-props.ts';
import { FieldView } from './fields/field-view.tsx';
import { DefaultSubmit, StepButtons } from './form-buttons.tsx';
import { StepHeading, StepProgress } from './step-heading.tsx';

export interface StepPageProps {
  ctx: PageContext;
  branding: Branding;
  lang: Language;
  assistantTitle: string;
  title: string;
  intro?: string | undefined;
  position: { number: number; total: number };
  hasBack: boolean;
  fields: Field[];
  state: FormState;
  page: PageFacts;
  summaryErrors: SummaryError[];
  action: string;
  csrf: string;
  multipart: boolean;
}

/** One step of an assistant: heading, progress, error summary, fields, buttons. */
export function StepPage(props: StepPageProps) {
  const { lang, state, page } = props;
  return (
    <Layout
      ctx={props.ctx}
      title={`${props.title} – ${props.assistantTitle}`}
      tenant={props.branding}
      hasErrors={props.summaryErrors.length > 0}
    >
      <StepHeading title={props.title} assistantTitle={props.assistantTitle} />
      <StepProgress number={props.position.number} total={props.position.total} lang={lang} />
      <ErrorSummary errors={props.summaryErrors} lang={lang} />
      {props.intro && <p class="kern-body">{props.intro}</p>}
      <form
        method="post"
        action={props.action}
        novalidate
        class="kern-stack-lg"
        enctype={props.multipart ? 'multipart/form-data' : undefined}
      >
        <input type="hidden" name="_csrf" value={props.csrf} />
        <DefaultSubmit lang={lang} />
        {props.fields.map((field) => (
          <FieldView
            key={field.id}
            field={field}
            name={field.id}
            raw={state.raw[field.id]}
            answer={state.answers[field.id]}
            page={page}
          />
        ))}
        <StepButtons lang={lang} hasBack={props.hasBack} />
      </form>
    </Layout>
  );
}
