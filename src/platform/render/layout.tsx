import type { ComponentChildren } from 'preact';
import { type AccountChrome, AccountNav } from './components/account-nav.tsx';
import { SessionBar, type SessionChrome } from './components/session-bar.tsx';
import { type Lang, t } from './i18n.ts';

export type { AccountChrome, SessionChrome };

/** What the page chrome needs to know about the tenant whose portal is shown. */
export interface Branding {
  slug: string;
  name: string;
  hasLogo: boolean;
  participates115: boolean;
}

/** Per-request facts every page needs (built by the HTTP layer). */
export interface PageContext {
  lang: Lang;
  /** Current path with query, for the language switch's way back. */
  path: string;
  demo: boolean;
  /** Asset version for cache busting. */
  assetVersion: string;
  /**
   * The citizen login state for the header, on citizen-facing pages: null shows "Anmelden", undefined
   * shows nothing (staff pages, assets).
   */
  account?: AccountChrome | null | undefined;
  /** The session timeout notice with "Sitzung verlängern" (logged-in citizens and open drafts). */
  session?: SessionChrome | undefined;
}

export interface Crumb {
  label: string;
  href?: string;
}

export interface LayoutProps {
  ctx: PageContext;
  title: string;
  tenant?: Branding | undefined;
  crumbs?: Crumb[];
  /** Prefix "Fehler: " in the title when the page shows validation errors (WCAG 3.3.1 pattern). */
  hasErrors?: boolean;
  /** Extra items for the service navigation (e.g. login, Mein Konto). */
  navItems?: ComponentChildren;
  children: ComponentChildren;
}

function Kopfzeile({ label }: { label: string }) {
  return (
    <div class="kern-kopfzeile">
      <div class="kern-container">
        <div class="kern-kopfzeile__content">
          <span class="kern-kopfzeile__flagge" aria-hidden="true">
            <svg viewBox="0 0 5 3" width="24" height="14" focusable="false">
              <rect width="5" height="1" y="0" fill="#000" />
              <rect width="5" height="1" y="1" fill="#D00" />
              <rect width="5" height="1" y="2" fill="#FFCE00" />
            </svg>
          </span>
          <span class="kern-kopfzeile__label">{label}</span>
        </div>
      </div>
    </div>
  );
}

function languageSwitchHref(ctx: PageContext): string {
  const target = ctx.lang === 'de' ? 'en' : 'de';
  return `/sprache/${target}?zurueck=${encodeURIComponent(ctx.path)}`;
}

function Breadcrumbs({ ctx, crumbs }: { ctx: PageContext; crumbs: Crumb[] }) {
  return (
    <nav class="sac-breadcrumbs" aria-label={t(ctx.lang, 'breadcrumbs')}>
      <ol>
        {crumbs.map((c, i) => (
          <li key={c.label}>
            {c.href && i < crumbs.length - 1 ? (
              <a class="kern-link" href={c.href}>
                {c.label}
              </a>
            ) : (
              <span aria-current={i === crumbs.length - 1 ? 'page' : undefined}>{c.label}</span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}

function Footer({ ctx, tenant }: { ctx: PageContext; tenant?: Branding | undefined }) {
  const base = tenant ? `/${tenant.slug}` : '';
  return (
    <footer class="sac-footer">
      <div class="kern-container">
        <nav aria-label={t(ctx.lang, 'footerNav')}>
          <ul class="kern-list kern-list--horizontal">
            {tenant && (
              <>
                <li>
                  <a class="kern-link" href={`${base}/impressum`}>
                    {t(ctx.lang, 'impressum')}
                  </a>
                </li>
                <li>
                  <a class="kern-link" href={`${base}/datenschutz`}>
                    {t(ctx.lang, 'datenschutz')}
                  </a>
                </li>
                <li>
                  <a class="kern-link" href={`${base}/barrierefreiheit`}>
                    {t(ctx.lang, 'barrierefreiheit')}
                  </a>
                </li>
                <li>
                  <a class="kern-link" href={`${base}/barrierefreiheit#barriere-melden`}>
                    {t(ctx.lang, 'reportBarrier')}
                  </a>
                </li>
              </>
            )}
            <li>
              <a class="kern-link" href="/">
                {t(ctx.lang, 'portalsHome')}
              </a>
            </li>
          </ul>
        </nav>
        {(!tenant || tenant.participates115) && (
          <p class="kern-body">
            <strong>{t(ctx.lang, 'phone115')}</strong>:{' '}
            <a class="kern-link" href="tel:115">
              115
            </a>{' '}
            ({t(ctx.lang, 'phone115Hours')})
          </p>
        )}
      </div>
    </footer>
  );
}

/** The one page frame: Kopfzeile, branding, language switch, breadcrumbs, main, footer. */
export function Layout({ ctx, title, tenant, crumbs, hasErrors, navItems, children }: LayoutProps) {
  const site = tenant ? `Serviceportal ${tenant.name}` : 'SAC Serviceportale';
  const fullTitle = `${hasErrors ? 'Fehler: ' : ''}${title} – ${site}`;
  const v = ctx.assetVersion;
  return (
    <html lang={ctx.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{fullTitle}</title>
        <link rel="stylesheet" href={`/assets/fonts.css?v=${v}`} />
        <link rel="stylesheet" href={`/assets/kern/kern.min.css?v=${v}`} />
        <link rel="stylesheet" href={`/assets/sac.css?v=${v}`} />
        {tenant && <link rel="stylesheet" href={`/${tenant.slug}/theme.css?v=${v}`} />}
      </head>
      <body>
        <a class="kern-link sac-skip-link" href="#inhalt">
          {t(ctx.lang, 'skipLink')}
        </a>
        <header>
          <Kopfzeile label={`${t(ctx.lang, 'officialSite')} – ${tenant ? tenant.name : 'SAC'}`} />
          {ctx.demo && (
            <div class="sac-demo-banner kern-alert kern-alert--warning">
              <div class="kern-container">
                <p class="kern-body kern-body--bold">
                  {t(ctx.lang, 'testSystem')}: Dies ist eine Demonstration mit Testdaten. Geben Sie keine echten
                  persönlichen Daten ein.
                </p>
              </div>
            </div>
          )}
          <div class="sac-brand">
            <div class="kern-container sac-brand__row">
              <a class="sac-brand__home" href={tenant ? `/${tenant.slug}` : '/'}>
                {tenant?.hasLogo && <img class="sac-brand__logo" src={`/${tenant.slug}/logo.svg`} alt="" />}
                <span class="kern-title kern-title--large sac-brand__name">{site}</span>
              </a>
              <nav aria-label={t(ctx.lang, 'serviceNav')}>
                <ul class="kern-list kern-list--horizontal kern-list--small">
                  <li>
                    <a
                      class="kern-link"
                      href={languageSwitchHref(ctx)}
                      lang={ctx.lang === 'de' ? 'en' : 'de'}
                      hreflang={ctx.lang === 'de' ? 'en' : 'de'}
                    >
                      {t(ctx.lang, 'switchLanguage')}
                    </a>
                  </li>
                  {ctx.account !== undefined && <AccountNav lang={ctx.lang} path={ctx.path} account={ctx.account} />}
                  {navItems}
                </ul>
              </nav>
            </div>
          </div>
        </header>
        <div class="kern-container">
          {crumbs && crumbs.length > 0 && <Breadcrumbs ctx={ctx} crumbs={crumbs} />}
          <main id="inhalt" class="sac-main kern-stack-lg" tabindex={-1}>
            {children}
          </main>
        </div>
        {ctx.session && <SessionBar lang={ctx.lang} session={ctx.session} />}
        <Footer ctx={ctx} tenant={tenant} />
      </body>
    </html>
  );
}
