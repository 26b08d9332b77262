import { formatBytes } from '../../../forms/engine/format.ts';
import type { FullMessage } from '../../mailbox/repo.ts';
import { at } from '../texts.ts';
import { AccountLayout, type AccountPageProps, ErrorSummary, FieldError, Notice, Time } from './account-layout.tsx';
import { MessageList } from './application-pages.tsx';
import { applicationHref } from './items.tsx';

export interface MailboxGroup {
  reference: string;
  title: string;
  tenantName: string;
  messages: { id: string; subject: string; direction: 'office' | 'citizen'; createdAt: Date; readAt: Date | null }[];
}

/** `/konto/postfach`: messages grouped by application, unread ones marked. */
export function MailboxPage(props: AccountPageProps & { groups: MailboxGroup[] }) {
  const { lang } = props.ctx;
  return (
    <AccountLayout
      ctx={props.ctx}
      navItems={props.navItems}
      title={at(lang, 'mailbox')}
      section="mailbox"
      crumbs={[{ label: at(lang, 'mailbox') }]}
    >
      <h1 class="kern-heading-large">{at(lang, 'mailbox')}</h1>
      <p class="kern-body">{at(lang, 'mailboxIntro')}</p>
      {props.groups.length === 0 && <p class="kern-body">{at(lang, 'mailboxNone')}</p>}
      {props.groups.map((g, i) => (
        <section key={g.reference} aria-labelledby={`gruppe-${i}`} class="kern-stack">
          <h2 class="kern-heading-medium" id={`gruppe-${i}`}>
            {g.title} – {g.reference}
          </h2>
          <p class="kern-body kern-body--small">
            {g.tenantName} ·{' '}
            <a class="kern-link" href={applicationHref(g.reference)}>
              {at(lang, 'backToApplication')} {g.reference}
            </a>
          </p>
          <MessageList lang={lang} messages={g.messages} />
        </section>
      ))}
    </AccountLayout>
  );
}

export interface ReplyForm {
  text: string;
  errors: { text?: string; files?: string };
}

export const REPLY_MAX_LENGTH = 5000;

/** `/konto/postfach/{id}`: one message, its files, and the reply form (multipart, CSRF token in the URL). */
export function MessagePage(
  props: AccountPageProps & {
    message: FullMessage;
    reference: string;
    csrf: string;
    form: ReplyForm;
    sent: boolean;
    maxBytes: number;
  },
) {
  const { lang } = props.ctx;
  const m = props.message;
  const errors = [
    ...(props.form.errors.text ? [{ message: props.form.errors.text, href: '#antwort' }] : []),
    ...(props.form.errors.files ? [{ message: props.form.errors.files, href: '#anhaenge' }] : []),
  ];
  const action = `/konto/postfach/${m.id}/antworten?_csrf=${encodeURIComponent(props.csrf)}`;
  const describedText = [props.form.errors.text ? 'antwort-fehler' : ''].filter(Boolean).join(' ') || undefined;
  const describedFiles = ['anhaenge-hinweis', props.form.errors.files ? 'anhaenge-fehler' : '']
    .filter(Boolean)
    .join(' ');
  return (
    <AccountLayout
      ctx={props.ctx}
      navItems={props.navItems}
      title={m.subject}
      section="mailbox"
      hasErrors={errors.length > 0}
      crumbs={[{ label: at(lang, 'mailbox'), href: '/konto/postfach' }, { label: m.subject }]}
    >
      <ErrorSummary lang={lang} errors={errors} />
      {props.sent && <Notice text={at(lang, 'replySent')} />}
      <h1 class="kern-heading-large sac-break">{m.subject}</h1>
      <p class="kern-body kern-body--small">
        {m.direction === 'office' ? at(lang, 'fromOffice') : at(lang, 'fromYou')} ·{' '}
        {m.direction === 'office' ? at(lang, 'received') : at(lang, 'sent')} <Time lang={lang} value={m.createdAt} /> ·{' '}
        <a class="kern-link" href={applicationHref(props.reference)}>
          {at(lang, 'backToApplication')} {props.reference}
        </a>
      </p>
      <div class="kern-body sac-multiline sac-break">{m.body}</div>
      {m.attachments.length > 0 && (
        <section aria-labelledby="anhaenge-titel" class="kern-stack">
          <h2 class="kern-heading-small" id="anhaenge-titel">
            {at(lang, 'attachments')}
          </h2>
          <ul class="kern-list">
            {m.attachments.map((a) => (
              <li key={a.id}>
                <a class="kern-link" href={`/konto/postfach/anhang/${a.id}`} download>
                  {a.name}
                </a>{' '}
                ({formatBytes(a.size)}, {at(lang, 'download')})
              </li>
            ))}
          </ul>
        </section>
      )}
      {m.direction === 'office' && (
        <section aria-labelledby="antworten-titel" class="kern-stack">
          <h2 class="kern-heading-medium" id="antworten-titel">
            {at(lang, 'reply')}
          </h2>
          <form method="post" action={action} enctype="multipart/form-data" novalidate class="kern-stack-lg">
            <input type="hidden" name="_csrf" value={props.csrf} />
            <div class={`kern-form-input${props.form.errors.text ? ' kern-form-input--error' : ''}`}>
              <label class="kern-label" for="antwort">
                {at(lang, 'replyText')}
              </label>
              <textarea
                class={`kern-form-input__input${props.form.errors.text ? ' kern-form-input__input--error' : ''}`}
                id="antwort"
                name="text"
                rows={6}
                maxlength={REPLY_MAX_LENGTH}
                aria-invalid={props.form.errors.text ? 'true' : undefined}
                aria-describedby={describedText}
              >
                {props.form.text}
              </textarea>
              <FieldError id="antwort-fehler" lang={lang} message={props.form.errors.text} />
            </div>
            <div class={`kern-form-input${props.form.errors.files ? ' kern-form-input--error' : ''}`}>
              <label class="kern-label" for="anhaenge">
                {at(lang, 'replyFiles')} <span class="kern-label__optional">{at(lang, 'optional')}</span>
              </label>
              <div class="kern-hint" id="anhaenge-hinweis">
                {at(lang, 'replyFilesHint', { max: formatBytes(props.maxBytes) })}
              </div>
              <input
                class={`kern-form-input__input${props.form.errors.files ? ' kern-form-input__input--error' : ''}`}
                id="anhaenge"
                name="anhaenge"
                type="file"
                multiple
                accept="application/pdf,image/jpeg,image/png"
                aria-invalid={props.form.errors.files ? 'true' : undefined}
                aria-describedby={describedFiles}
              />
              <FieldError id="anhaenge-fehler" lang={lang} message={props.form.errors.files} />
            </div>
            <button type="submit" class="kern-btn kern-btn--primary">
              <span class="kern-label">{at(lang, 'replySend')}</span>
            </button>
          </form>
        </section>
      )}
    </AccountLayout>
  );
}
