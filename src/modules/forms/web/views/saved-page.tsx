import type { Branding, PageContext } from '../../../../platform/render/layout.tsx';
import { Layout } from '../../../../platform/render/layout.tsx';
import type { Language } from '../../definition/types.ts';
import { tx } from '../texts.ts';

export interface SavedPageProps {
  ctx: PageContext;
  branding: Branding;
  lang: Language;
  assistantTitle: string;
  resumeLink: string;
  code: string;
  validUntil: string;
  mailed: boolean;
  continueUrl: string;
}

/** After "Zwischenspeichern": the resume link and the code, shown once. */
export function SavedPage(props: SavedPageProps) {
  const { lang } = props;
  return (
    <Layout ctx={props.ctx} title={`${tx(lang, 'savedTitle')} – ${props.assistantTitle}`} tenant={props.branding}>
      <hgroup class="kern-hgroup">
        <p class="kern-preline">{props.assistantTitle}</p>
        <h1 class="kern-heading-large">{tx(lang, 'savedTitle')}</h1>
      </hgroup>
      <p class="kern-body">{tx(lang, 'savedIntro')}</p>
      <dl class="kern-description-list">
        <div class="kern-description-list-item">
          <dt class="kern-description-list-item__key">{tx(lang, 'savedLink')}</dt>
          <dd class="kern-description-list-item__value">
            <a class="kern-link sac-break" href={props.resumeLink}>
              {props.resumeLink}
            </a>
          </dd>
        </div>
        <div class="kern-description-list-item">
          <dt class="kern-description-list-item__key">{tx(lang, 'savedCode')}</dt>
          <dd class="kern-description-list-item__value">
            <strong class="sac-reference">{props.code}</strong>
          </dd>
        </div>
      </dl>
      <p class="kern-body">{tx(lang, 'savedValid', { date: props.validUntil })}</p>
      {props.mailed && <p class="kern-body">{tx(lang, 'savedMailed')}</p>}
      <p class="kern-body">
        <a class="kern-link" href={props.continueUrl}>
          {tx(lang, 'continueNow')}
        </a>
      </p>
    </Layout>
  );
}
