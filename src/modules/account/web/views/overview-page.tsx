import type { AccountDraft } from '../../applications/drafts.ts';
import { at, formatDate } from '../texts.ts';
import { AccountLayout, type AccountPageProps, Notice, Time } from './account-layout.tsx';
import { type ApplicationItem, ApplicationsTable } from './items.tsx';

export interface DraftItem extends AccountDraft {
  title: string;
}

/** `/konto`: drafts to resume or delete, the latest applications, unread messages. */
export function OverviewPage(
  props: AccountPageProps & {
    csrf: string;
    drafts: DraftItem[];
    latest: ApplicationItem[];
    hasMore: boolean;
    unread: number;
    notice?: string | undefined;
  },
) {
  const { lang } = props.ctx;
  const unreadText =
    props.unread === 0
      ? at(lang, 'unreadNone')
      : props.unread === 1
        ? at(lang, 'unreadOne')
        : at(lang, 'unreadMany', { n: props.unread });
  return (
    <AccountLayout ctx={props.ctx} navItems={props.navItems} title={at(lang, 'account')} section="overview">
      <h1 class="kern-heading-large">{at(lang, 'account')}</h1>
      {props.notice && <Notice text={props.notice} />}
      <section aria-labelledby="postfach-titel" class="kern-stack">
        <h2 class="kern-heading-medium" id="postfach-titel">
          {at(lang, 'mailbox')}
        </h2>
        <p class="kern-body">
          {props.unread > 0 ? <strong>{unreadText}</strong> : unreadText}{' '}
          <a class="kern-link" href="/konto/postfach">
            {at(lang, 'toMailbox')}
          </a>
        </p>
      </section>
      <section aria-labelledby="entwuerfe-titel" class="kern-stack">
        <h2 class="kern-heading-medium" id="entwuerfe-titel">
          {at(lang, 'drafts')}
        </h2>
        {props.drafts.length === 0 ? (
          <p class="kern-body">{at(lang, 'draftsNone')}</p>
        ) : (
          <ul class="sac-results">
            {props.drafts.map((d) => (
              <li key={d.id}>
                <h3 class="kern-heading-small">{d.title}</h3>
                <p class="kern-body">
                  {d.tenantName} · {at(lang, 'draftSaved')}: <Time lang={lang} value={d.updatedAt} /> ·{' '}
                  {at(lang, 'draftExpires')}: {formatDate(lang, d.expiresAt)}
                </p>
                <div class="kern-row sac-meta">
                  <form method="post" action={`/konto/entwuerfe/${d.id}/fortsetzen`} class="sac-inline-form">
                    <input type="hidden" name="_csrf" value={props.csrf} />
                    <button
                      type="submit"
                      class="kern-btn kern-btn--primary"
                      aria-label={`${at(lang, 'resume')}: ${d.title}`}
                    >
                      <span class="kern-label">{at(lang, 'resume')}</span>
                    </button>
                  </form>
                  <a
                    class="kern-btn kern-btn--secondary"
                    href={`/konto/entwuerfe/${d.id}/loeschen`}
                    aria-label={`${at(lang, 'delete')}: ${d.title}`}
                  >
                    <span class="kern-label">{at(lang, 'delete')}</span>
                  </a>
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="antraege-titel" class="kern-stack">
        <h2 class="kern-heading-medium" id="antraege-titel">
          {at(lang, 'latest')}
        </h2>
        {props.latest.length === 0 ? (
          <p class="kern-body">{at(lang, 'applicationsNone')}</p>
        ) : (
          <ApplicationsTable lang={lang} items={props.latest} />
        )}
        {props.hasMore && (
          <p>
            <a class="kern-link" href="/konto/antraege">
              {at(lang, 'allApplications')}
            </a>
          </p>
        )}
      </section>
    </AccountLayout>
  );
}

/** The confirmation before a draft is deleted (a POST; "Abbrechen" goes back). */
export function DeleteDraftPage(props: AccountPageProps & { csrf: string; draft: DraftItem }) {
  const { lang } = props.ctx;
  return (
    <AccountLayout
      ctx={props.ctx}
      navItems={props.navItems}
      title={at(lang, 'deleteTitle')}
      section="overview"
      crumbs={[{ label: at(lang, 'deleteTitle') }]}
    >
      <h1 class="kern-heading-large">{at(lang, 'deleteTitle')}</h1>
      <p class="kern-body">
        {at(lang, 'deleteQuestion', { title: props.draft.title, tenant: props.draft.tenantName })}
      </p>
      <form method="post" action={`/konto/entwuerfe/${props.draft.id}/loeschen`} class="kern-row sac-meta">
        <input type="hidden" name="_csrf" value={props.csrf} />
        <button type="submit" class="kern-btn kern-btn--primary">
          <span class="kern-label">{at(lang, 'deleteConfirm')}</span>
        </button>
        <a class="kern-btn kern-btn--secondary" href="/konto">
          <span class="kern-label">{at(lang, 'cancel')}</span>
        </a>
      </form>
    </AccountLayout>
  );
}
