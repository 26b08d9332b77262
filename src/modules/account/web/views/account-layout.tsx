import type { ComponentChildren } from 'preact';
import {
  ErrorSummary as PlatformErrorSummary,
  type SummaryError,
} from '../../../../platform/render/components/error-summary.tsx';
import { type Crumb, Layout, type PageContext } from '../../../../platform/render/layout.tsx';
import { at, formatDateTime } from '../texts.ts';

export type Section = 'overview' | 'applications' | 'mailbox';

export interface AccountPageProps {
  ctx: PageContext;
  navItems: ComponentChildren;
}

const sections: { key: Section; href: string }[] = [
  { key: 'overview', href: '/konto' },
  { key: 'applications', href: '/konto/antraege' },
  { key: 'mailbox', href: '/konto/postfach' },
];

/** Mein Konto's frame: the page Layout with the citizen's header items and the account's section links. */
export function AccountLayout(props: {
  ctx: PageContext;
  navItems: ComponentChildren;
  title: string;
  section: Section;
  crumbs?: Crumb[];
  hasErrors?: boolean;
  children: ComponentChildren;
}) {
  const { lang } = props.ctx;
  const crumbs: Crumb[] = [{ label: at(lang, 'account'), href: '/konto' }, ...(props.crumbs ?? [])];
  return (
    <Layout
      ctx={props.ctx}
      title={props.title}
      navItems={props.navItems}
      crumbs={crumbs.length > 1 ? crumbs : undefined}
      hasErrors={props.hasErrors}
    >
      <nav aria-label={at(lang, 'accountNav')}>
        <ul class="kern-list kern-list--horizontal">
          {sections.map((s) => (
            <li key={s.key}>
              <a class="kern-link" href={s.href} aria-current={s.key === props.section ? 'page' : undefined}>
                {at(lang, s.key)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {props.children}
    </Layout>
  );
}

/** A point in time, machine-readable too. */
export function Time({ lang, value }: { lang: 'de' | 'en'; value: Date }) {
  return <time datetime={value.toISOString()}>{formatDateTime(lang, value)}</time>;
}

/** A success notice after an action (PRG), announced politely. */
export function Notice({ text }: { text: string }) {
  return (
    <div class="kern-alert kern-alert--success" role="status">
      <div class="kern-alert__header">
        <span class="kern-icon kern-icon--success" aria-hidden="true" />
        <p class="kern-title">{text}</p>
      </div>
    </div>
  );
}

/** The error summary (platform component) with the title in the page's language. */
export function ErrorSummary({ lang, errors }: { lang: 'de' | 'en'; errors: SummaryError[] }) {
  if (errors.length === 0) return null;
  const title = errors.length === 1 ? at(lang, 'errorOne') : at(lang, 'errorMany', { n: errors.length });
  return <PlatformErrorSummary title={title} errors={errors} />;
}

/** An inline field error referenced by the input's aria-describedby. */
export function FieldError({ id, lang, message }: { id: string; lang: 'de' | 'en'; message: string | undefined }) {
  if (!message) return null;
  return (
    <p class="kern-error" id={id}>
      <span class="kern-icon kern-icon--danger" aria-hidden="true" />
      <span class="kern-body">
        <span class="kern-sr-only">{at(lang, 'errorPrefix')}</span> {message}
      </span>
    </p>
  );
}
