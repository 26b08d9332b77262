import type { Branding, PageContext } from '../../../../platform/render/layout.tsx';
import { Layout } from '../../../../platform/render/layout.tsx';
import type { Language } from '../../definition/types.ts';
import { tx } from '../texts.ts';

export interface StartPageProps {
  ctx: PageContext;
  branding: Branding;
  lang: Language;
  title: string;
  description?: string | undefined;
  stepTitles: string[];
  fileLabels: string[];
  minutes: number;
  privacyUrl: string;
  action: string;
  csrf: string;
}

/** Before the first step: what the assistant asks, how long it takes, privacy, "Antrag starten". */
export function StartPage(props: StartPageProps) {
  const { lang } = props;
  return (
    <Layout ctx={props.ctx} title={props.title} tenant={props.branding}>
      <h1 class="kern-heading-large">{props.title}</h1>
      {props.description && <p class="kern-body kern-body--large">{props.description}</p>}
      <h2 class="kern-heading-medium">{tx(lang, 'startNeed')}</h2>
      <p class="kern-body">{tx(lang, 'startSteps', { n: props.stepTitles.length })}</p>
      <ol class="kern-list kern-list--number">
        {props.stepTitles.map((title) => (
          <li key={title}>{title}</li>
        ))}
      </ol>
      {props.fileLabels.length > 0 && (
        <>
          <p class="kern-body">{tx(lang, 'startFiles')}</p>
          <ul class="kern-list kern-list--bullet">
            {props.fileLabels.map((label) => (
              <li key={label}>{label}</li>
            ))}
          </ul>
        </>
      )}
      <p class="kern-body">{tx(lang, 'startDuration', { minutes: props.minutes })}</p>
      <p class="kern-body">
        {tx(lang, 'startPrivacy')}{' '}
        <a class="kern-link" href={props.privacyUrl}>
          {tx(lang, 'startPrivacyLink')}
        </a>
      </p>
      <form method="post" action={props.action} novalidate>
        <input type="hidden" name="_csrf" value={props.csrf} />
        <button type="submit" class="kern-btn kern-btn--primary">
          <span class="kern-label">{tx(lang, 'start')}</span>
        </button>
      </form>
    </Layout>
  );
}
