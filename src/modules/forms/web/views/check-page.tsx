import type { Branding, PageContext } from '../../../../platform/render/layout.tsx';
import { Layout } from '../../../../platform/render/layout.tsx';
import type { Language } from '../../definition/types.ts';
import type { FeeResult, SummaryStep } from '../../engine/index.ts';
import { tx } from '../texts.ts';
import { AnswerList } from './answer-list.tsx';
import { ErrorSummary, type SummaryError } from './error-summary.tsx';
import { FeeList } from './fee-list.tsx';
import { StepHeading } from './step-heading.tsx';

export interface CheckPageProps {
  ctx: PageContext;
  branding: Branding;
  lang: Language;
  assistantTitle: string;
  steps: SummaryStep[];
  /** "Ändern" link of each step (returns here after "Weiter"). */
  changeUrl: (stepId: string) => string;
  consentUrl?: string | undefined;
  fees: FeeResult;
  errors: SummaryError[];
  action: string;
  csrf: string;
}

/** "Prüfen Sie Ihre Angaben": every step's answers with "Ändern" links, fees, and "Antrag absenden". */
export function CheckPage(props: CheckPageProps) {
  const { lang } = props;
  return (
    <Layout
      ctx={props.ctx}
      title={`${tx(lang, 'checkTitle')} – ${props.assistantTitle}`}
      tenant={props.branding}
      hasErrors={props.errors.length > 0}
    >
      <StepHeading title={tx(lang, 'checkTitle')} assistantTitle={props.assistantTitle} />
      <ErrorSummary errors={props.errors} lang={lang} />
      <p class="kern-body">{props.errors.length > 0 ? tx(lang, 'checkErrors') : tx(lang, 'checkIntro')}</p>
      {props.steps.map((step, index) => (
        <section class="kern-summary" key={step.stepId} aria-labelledby={`zusammenfassung-${step.stepId}`}>
          <div class="kern-summary__header">
            <div class="kern-summary__title-wrapper">
              <span class="kern-number">{index + 1}</span>
              <h2 class="kern-title" id={`zusammenfassung-${step.stepId}`}>
                {step.title}
              </h2>
            </div>
            <a class="kern-link" href={props.changeUrl(step.stepId)}>
              {tx(lang, 'change')}
              <span class="kern-sr-only">: {step.title}</span>
            </a>
          </div>
          <div class="kern-summary__body">
            <AnswerList rows={step.rows} />
          </div>
        </section>
      ))}
      {props.consentUrl && (
        <dl class="kern-description-list">
          <div class="kern-description-list-item">
            <dt class="kern-description-list-item__key">{tx(lang, 'consentGiven')}</dt>
            <dd class="kern-description-list-item__value">
              {tx(lang, 'consentYes')}{' '}
              <a class="kern-link" href={props.consentUrl}>
                {tx(lang, 'change')}
                <span class="kern-sr-only">: {tx(lang, 'consentGiven')}</span>
              </a>
            </dd>
          </div>
        </dl>
      )}
      <FeeList fees={props.fees} lang={lang} />
      {props.errors.length === 0 && (
        <form method="post" action={props.action} novalidate>
          <input type="hidden" name="_csrf" value={props.csrf} />
          <div class="kern-btn-wrapper">
            <button type="submit" class="kern-btn kern-btn--primary">
              <span class="kern-label">{tx(lang, 'submit')}</span>
            </button>
          </div>
        </form>
      )}
    </Layout>
  );
}
