import { type SubmissionState, stateLabels } from '../../../submissions/lifecycle/states.ts';
import type { FullMessage } from '../../mailbox/repo.ts';
import { at } from '../texts.ts';
import { AccountLayout, type AccountPageProps, Time } from './account-layout.tsx';
import { type ApplicationItem, ApplicationsTable } from './items.tsx';

/** `/konto/antraege`: every application of the account, across municipalities. */
export function ApplicationsPage(props: AccountPageProps & { items: ApplicationItem[] }) {
  const { lang } = props.ctx;
  return (
    <AccountLayout
      ctx={props.ctx}
      navItems={props.navItems}
      title={at(lang, 'applications')}
      section="applications"
      crumbs={[{ label: at(lang, 'applications') }]}
    >
      <h1 class="kern-heading-large">{at(lang, 'applications')}</h1>
      {props.items.length === 0 ? (
        <p class="kern-body">{at(lang, 'applicationsNone')}</p>
      ) : (
        <ApplicationsTable lang={lang} items={props.items} />
      )}
    </AccountLayout>
  );
}

export interface TimelineEntry {
  id: string;
  to: SubmissionState;
  at: Date;
  note: string | null;
}

/** The status timeline, oldest first, with the office's notes. */
export function Timeline({ lang, entries, notes }: { lang: 'de' | 'en'; entries: TimelineEntry[]; notes: boolean }) {
  return (
    <ol class="kern-list sac-timeline">
      {entries.map((e) => (
        <li key={e.id}>
          <p class="kern-body">
            <Time lang={lang} value={e.at} />: <strong>{stateLabels[e.to][lang]}</strong>
          </p>
          {notes && e.note && (
            <p class="kern-body sac-multiline">
              {at(lang, 'officeNote')}: {e.note}
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}

/** `/konto/antraege/{reference}`: facts, timeline, PDF link and the messages of one application. */
export function ApplicationPage(
  props: AccountPageProps & { item: ApplicationItem; timeline: TimelineEntry[]; messages: FullMessage[] },
) {
  const { lang } = props.ctx;
  const a = props.item;
  const base = `/konto/antraege/${encodeURIComponent(a.reference)}`;
  return (
    <AccountLayout
      ctx={props.ctx}
      navItems={props.navItems}
      title={`${a.title} – ${a.reference}`}
      section="applications"
      crumbs={[{ label: at(lang, 'applications'), href: '/konto/antraege' }, { label: a.reference }]}
    >
      <h1 class="kern-heading-large">{a.title}</h1>
      <dl class="kern-description-list">
        <div class="kern-description-list-item">
          <dt class="kern-description-list-item__key">{at(lang, 'reference')}</dt>
          <dd class="kern-description-list-item__value sac-reference">{a.reference}</dd>
        </div>
        <div class="kern-description-list-item">
          <dt class="kern-description-list-item__key">{at(lang, 'municipality')}</dt>
          <dd class="kern-description-list-item__value">{a.tenantName}</dd>
        </div>
        <div class="kern-description-list-item">
          <dt class="kern-description-list-item__key">{at(lang, 'submitted')}</dt>
          <dd class="kern-description-list-item__value">
            <Time lang={lang} value={a.submittedAt} />
          </dd>
        </div>
        <div class="kern-description-list-item">
          <dt class="kern-description-list-item__key">{at(lang, 'state')}</dt>
          <dd class="kern-description-list-item__value">
            <strong>{stateLabels[a.state][lang]}</strong> ({at(lang, 'since')}{' '}
            <Time lang={lang} value={a.stateChangedAt} />)
          </dd>
        </div>
      </dl>
      <p>
        <a class="kern-link" href={`${base}/antrag.pdf`}>
          {at(lang, 'pdf')}
        </a>
      </p>
      <section aria-labelledby="verlauf-titel" class="kern-stack">
        <h2 class="kern-heading-medium" id="verlauf-titel">
          {at(lang, 'timeline')}
        </h2>
        <Timeline lang={lang} entries={props.timeline} notes />
      </section>
      <section aria-labelledby="nachrichten-titel" class="kern-stack">
        <h2 class="kern-heading-medium" id="nachrichten-titel">
          {at(lang, 'messages')}
        </h2>
        {props.messages.length === 0 ? (
          <p class="kern-body">{at(lang, 'messagesNone')}</p>
        ) : (
          <MessageList lang={lang} messages={props.messages} />
        )}
      </section>
    </AccountLayout>
  );
}

/** Messages as a list of links with sender, time and the unread mark. */
export function MessageList({
  lang,
  messages,
}: {
  lang: 'de' | 'en';
  messages: { id: string; subject: string; direction: 'office' | 'citizen'; createdAt: Date; readAt: Date | null }[];
}) {
  return (
    <ul class="sac-results">
      {messages.map((m) => {
        const unread = m.direction === 'office' && !m.readAt;
        return (
          <li key={m.id}>
            <p class="kern-body">
              <a class="kern-link" href={`/konto/postfach/${m.id}`}>
                {unread ? <strong>{m.subject}</strong> : m.subject}
              </a>{' '}
              {unread && <span class="kern-badge kern-badge--info">{at(lang, 'unread')}</span>}
            </p>
            <p class="kern-body kern-body--small">
              {m.direction === 'office' ? at(lang, 'fromOffice') : at(lang, 'fromYou')} ·{' '}
              <Time lang={lang} value={m.createdAt} />
            </p>
          </li>
        );
      })}
    </ul>
  );
}
