import { TextBlocks } from '../../../platform/render/components/text-blocks.tsx';
import { t } from '../../../platform/render/i18n.ts';
import { type Branding, Layout, type PageContext } from '../../../platform/render/layout.tsx';
import type { LegalPage, Tenant } from '../repo.ts';

/** Impressum, Datenschutzerklärung or Erklärung zur Barrierefreiheit of one tenant. */
export function LegalPageView({
  ctx,
  tenant,
  branding,
  page,
}: {
  ctx: PageContext;
  tenant: Tenant;
  branding: Branding;
  page: LegalPage;
}) {
  const updated = new Intl.DateTimeFormat('de-DE', { dateStyle: 'long', timeZone: 'Europe/Berlin' }).format(
    page.updated_at,
  );
  return (
    <Layout
      ctx={ctx}
      title={page.title}
      tenant={branding}
      crumbs={[{ label: tenant.name, href: `/${tenant.slug}` }, { label: page.title }]}
    >
      <h1 class="kern-heading-large">{page.title}</h1>
      <TextBlocks text={page.body} />
      {page.kind === 'barrierefreiheit' && (
        <section aria-labelledby="barriere-melden" class="kern-stack">
          <h2 id="barriere-melden" class="kern-heading-medium" tabindex={-1}>
            {t(ctx.lang, 'reportBarrier')}
          </h2>
          <p class="kern-body">
            Sind Ihnen Mängel beim barrierefreien Zugang zu Inhalten aufgefallen? Dann schreiben Sie uns. Wir antworten
            innerhalb eines Monats.
          </p>
          <ul class="kern-list">
            <li>
              E-Mail:{' '}
              <a class="kern-link" href={`mailto:${tenant.feedback_email}`}>
                {tenant.feedback_email}
              </a>
            </li>
            {tenant.feedback_phone && (
              <li>
                Telefon:{' '}
                <a class="kern-link" href={`tel:${tenant.feedback_phone.replace(/[^+\d]/g, '')}`}>
                  {tenant.feedback_phone}
                </a>
              </li>
            )}
          </ul>
        </section>
      )}
      <p class="kern-body kern-body--small kern-body--muted">Stand: {updated}</p>
    </Layout>
  );
}
