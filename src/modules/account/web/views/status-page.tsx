import type { ComponentChildren } from 'preact';
import { type Branding, Layout, type PageContext } from '../../../../platform/render/layout.tsx';
import { stateLabels } from '../../../submissions/lifecycle/states.ts';
import type { StatusLookup } from '../../status-lookup/lookup-status.ts';
import { at } from '../texts.ts';
import { ErrorSummary, FieldError, Time } from './account-layout.tsx';

export interface StatusForm {
  reference: string;
  code: string;
  errors: { reference?: string; code?: string; form?: string };
}

/** `/{tenant}/status`: reference number + status code → state and timeline labels, nothing personal. */
export function StatusPage(props: {
  ctx: PageContext;
  branding: Branding;
  navItems: ComponentChildren;
  csrf: string;
  form: StatusForm;
  result?: Extract<StatusLookup, { kind: 'found' }> | undefined;
}) {
  const { lang } = props.ctx;
  const { form, result } = props;
  const errors = [
    ...(form.errors.form ? [{ message: form.errors.form, href: '#vorgangsnummer' }] : []),
    ...(form.errors.reference ? [{ message: form.errors.reference, href: '#vorgangsnummer' }] : []),
    ...(form.errors.code ? [{ message: form.errors.code, href: '#statuscode' }] : []),
  ];
  const refError = form.errors.reference ?? form.errors.form;
  return (
    <Layout
      ctx={props.ctx}
      title={at(lang, 'statusTitle')}
      tenant={props.branding}
      navItems={props.navItems}
      hasErrors={errors.length > 0}
      crumbs={[{ label: props.branding.name, href: `/${props.branding.slug}` }, { label: at(lang, 'statusTitle') }]}
    >
      <ErrorSummary lang={lang} errors={errors} />
      <h1 class="kern-heading-large">{at(lang, 'statusTitle')}</h1>
      {result ? (
        <section aria-labelledby="ergebnis-titel" class="kern-stack" tabindex={-1} autofocus>
          <h2 class="kern-heading-medium" id="ergebnis-titel">
            {at(lang, 'statusResult', { reference: result.reference })}
          </h2>
          <p class="kern-body">
            {at(lang, 'state')}: <strong>{stateLabels[result.state][lang]}</strong>
          </p>
          <h3 class="kern-heading-small">{at(lang, 'timeline')}</h3>
          <ol class="kern-list">
            {result.timeline.map((e) => (
              <li key={`${e.to}-${e.at.toISOString()}`}>
                <Time lang={lang} value={e.at} />: {stateLabels[e.to][lang]}
              </li>
            ))}
          </ol>
        </section>
      ) : (
        <p class="kern-body">{at(lang, 'statusIntro')}</p>
      )}
      <form method="post" action={`/${props.branding.slug}/status`} novalidate class="kern-stack-lg">
        <input type="hidden" name="_csrf" value={props.csrf} />
        <div class={`kern-form-input${refError ? ' kern-form-input--error' : ''}`}>
          <label class="kern-label" for="vorgangsnummer">
            {at(lang, 'reference')}
          </label>
          <div class="kern-hint" id="vorgangsnummer-hinweis">
            {at(lang, 'referenceHint')}
          </div>
          <input
            class={`kern-form-input__input${refError ? ' kern-form-input__input--error' : ''}`}
            id="vorgangsnummer"
            name="vorgangsnummer"
            type="text"
            autocomplete="off"
            spellcheck={false}
            value={form.reference}
            aria-invalid={refError ? 'true' : undefined}
            aria-describedby={`vorgangsnummer-hinweis${refError ? ' vorgangsnummer-fehler' : ''}`}
          />
          <FieldError id="vorgangsnummer-fehler" lang={lang} message={refError} />
        </div>
        <div class={`kern-form-input${form.errors.code ? ' kern-form-input--error' : ''}`}>
          <label class="kern-label" for="statuscode">
            {at(lang, 'statusCode')}
          </label>
          <div class="kern-hint" id="statuscode-hinweis">
            {at(lang, 'statusCodeHint')}
          </div>
          <input
            class={`kern-form-input__input kern-form-input__input--width-10${form.errors.code ? ' kern-form-input__input--error' : ''}`}
            id="statuscode"
            name="statuscode"
            type="text"
            autocomplete="off"
            spellcheck={false}
            value={form.code}
            aria-invalid={form.errors.code ? 'true' : undefined}
            aria-describedby={`statuscode-hinweis${form.errors.code ? ' statuscode-fehler' : ''}`}
          />
          <FieldError id="statuscode-fehler" lang={lang} message={form.errors.code} />
        </div>
        <button type="submit" class="kern-btn kern-btn--primary">
          <span class="kern-label">{at(lang, 'statusSubmit')}</span>
        </button>
      </form>
      <p class="kern-body">
        {at(lang, 'statusLogin')}{' '}
        <a class="kern-link" href="/konto">
          {at(lang, 'account')}
        </a>
      </p>
    </Layout>
  );
}
