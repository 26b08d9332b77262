import type { Branding, PageContext } from '../../../../platform/render/layout.tsx';
import { Layout } from '../../../../platform/render/layout.tsx';
import type { Language } from '../../definition/types.ts';
import { errorId, idFor } from '../field-ids.ts';
import { tx } from '../texts.ts';
import { ErrorSummary } from './error-summary.tsx';
import { ErrorText } from './fields/field-chrome.tsx';
import { DefaultSubmit, StepButtons } from './form-buttons.tsx';
import { StepHeading } from './step-heading.tsx';

export interface ConsentPageProps {
  ctx: PageContext;
  branding: Branding;
  lang: Language;
  assistantTitle: string;
  text: string;
  privacyUrl: string;
  checked: boolean;
  error: boolean;
  action: string;
  csrf: string;
}

const NAME = 'einwilligung';

/** The consent step: the tenant's privacy notice and a mandatory checkbox. */
export function ConsentPage(props: ConsentPageProps) {
  const { lang } = props;
  const message = props.error ? tx(lang, 'consentMissing') : undefined;
  return (
    <Layout
      ctx={props.ctx}
      title={`${tx(lang, 'consentTitle')} – ${props.assistantTitle}`}
      tenant={props.branding}
      hasErrors={props.error}
    >
      <StepHeading title={tx(lang, 'consentTitle')} assistantTitle={props.assistantTitle} />
      <ErrorSummary errors={message ? [{ message, href: `#${idFor(NAME)}` }] : []} lang={lang} />
      <p class="kern-body">{props.text}</p>
      <p class="kern-body">
        <a class="kern-link" href={props.privacyUrl} target="_blank" rel="noopener">
          {tx(lang, 'consentLink')}
        </a>
      </p>
      <form method="post" action={props.action} novalidate class="kern-stack-lg">
        <input type="hidden" name="_csrf" value={props.csrf} />
        <DefaultSubmit lang={lang} />
        <div class={`kern-form-check${props.error ? ' kern-form-check--error' : ''}`}>
          <input
            class={`kern-form-check__checkbox${props.error ? ' kern-form-check__checkbox--error' : ''}`}
            id={idFor(NAME)}
            name={NAME}
            type="checkbox"
            value="ja"
            checked={props.checked}
            aria-invalid={props.error ? 'true' : undefined}
            aria-describedby={props.error ? errorId(NAME) : undefined}
          />
          <label class="kern-label" for={idFor(NAME)}>
            {tx(lang, 'consentLabel')}
          </label>
          <ErrorText name={NAME} message={message} lang={lang} />
        </div>
        <StepButtons lang={lang} hasBack canSave={false} />
      </form>
    </Layout>
  );
}
