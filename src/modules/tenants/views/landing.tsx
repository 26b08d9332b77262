import { t } from '../../../platform/render/i18n.ts';
import { Layout, type PageContext } from '../../../platform/render/layout.tsx';
import type { Tenant } from '../repo.ts';
import { tenantKindLabel } from './labels.ts';

/** `/`: the operator's landing page listing every municipality on this installation. */
export function LandingPage({ ctx, tenants }: { ctx: PageContext; tenants: Tenant[] }) {
  return (
    <Layout ctx={ctx} title={t(ctx.lang, 'operatorTitle')}>
      <h1 class="kern-heading-large">{t(ctx.lang, 'operatorTitle')}</h1>
      <p class="kern-body kern-body--large">{t(ctx.lang, 'operatorIntro')}</p>
      <ul class="sac-cards">
        {tenants.map((tenant) => (
          <li key={tenant.id} class="kern-card kern-card--interactive">
            <div class="kern-card__body">
              <h2 class="kern-title">
                <a class="kern-link kern-link--stretched" href={`/${tenant.slug}`}>
                  {tenant.name}
                </a>
              </h2>
              <p class="kern-body kern-body--muted">
                {tenantKindLabel(tenant.kind, ctx.lang)}
                {tenant.ags ? ` · AGS ${tenant.ags}` : ''}
              </p>
            </div>
          </li>
        ))}
      </ul>
    </Layout>
  );
}
