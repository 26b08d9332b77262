import type { Branding, PageContext } from '../../../../platform/render/layout.tsx';
import { Layout } from '../../../../platform/render/layout.tsx';
import type { Language } from '../../definition/types.ts';
import { errorId, hintId, idFor } from '../field-ids.ts';
import { tx } from '../texts.ts';
import { ErrorSummary } from './error-summary.tsx';
import { ErrorText } from './fields/field-chrome.tsx';

export interface ResumePageProps {
  ctx: PageContext;
  branding: Branding;
  lang: Language;
  /** German message for a wrong, missing or blocked code. */
  error?: string | undefined;
  code: string;
  action: string;
  csrf: string;
}

const NAME = 'code';

/** Asks for the code of a resume link. */
export function ResumePage(props: ResumePageProps) {
  const { lang, error } = props;
  return (
    <Layout ctx={props.ctx} title={tx(lang, 'resumeTitle')} tenant={props.branding} hasErrors={!!error}>
      <h1 class="kern-heading-large">{tx(lang, 'resumeTitle')}</h1>
      <ErrorSummary errors={error ? [{ message: error, href: `#${idFor(NAME)}` }] : []} lang={lang} />
      <p class="kern-body">{tx(lang, 'resumeIntro')}</p>
      <form method="post" action={props.action} novalidate class="kern-stack-lg">
        <input type="hidden" name="_csrf" value={props.csrf} />
        <div class={`kern-form-input${error ? ' kern-form-input--error' : ''}`}>
          <label class="kern-label" for={idFor(NAME)}>
            {tx(lang, 'resumeCode')}
          </label>
          <div class="kern-hint" id={hintId(NAME)}>
            {tx(lang, 'resumeHint')}
          </div>
          <input
            class={`kern-form-input__input${error ? ' kern-form-input__input--error' : ''}`}
            id={idFor(NAME)}
            name={NAME}
            type="text"
            autocomplete="off"
            spellcheck={false}
            autocapitalize="characters"
            maxlength={20}
            value={props.code}
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={error ? `${hintId(NAME)} ${errorId(NAME)}` : hintId(NAME)}
          />
          <ErrorText name={NAME} message={error} lang={lang} />
        </div>
        <button type="submit" class="kern-btn kern-btn--primary">
          <span class="kern-label">{tx(lang, 'next')}</span>
        </button>
      </form>
    </Layout>
  );
}
