import { t } from '../../../platform/render/i18n.ts';
import { type Branding, Layout, type PageContext } from '../../../platform/render/layout.tsx';
import type { Tenant } from '../../tenants/repo.ts';
import type { CatalogFacets, Facet, OnlineService } from '../repo.ts';
import { catalogHref } from './catalog-links.ts';
import { SearchForm } from './search-form.tsx';

export interface PortalPageProps {
  ctx: PageContext;
  tenant: Tenant;
  branding: Branding;
  online: OnlineService[];
  facets: CatalogFacets;
}

/** `/{tenant}`: the municipality's service portal. */
export function PortalPage({ ctx, tenant, branding, online, facets }: PortalPageProps) {
  return (
    <Layout ctx={ctx} title={t(ctx.lang, 'home')} tenant={branding}>
      <h1 class="kern-heading-large">{tenant.name}</h1>
      <p class="kern-body kern-body--large">Verwaltungsleistungen finden und online beantragen.</p>
      <SearchForm ctx={ctx} tenantSlug={tenant.slug} />

      <section aria-labelledby="online-dienste" class="kern-stack">
        <h2 class="kern-heading-medium" id="online-dienste">
          {t(ctx.lang, 'onlineServices')}
        </h2>
        {online.length === 0 ? (
          <p class="kern-body">Zurzeit bietet {tenant.name} noch keine Leistungen online an.</p>
        ) : (
          <ul class="sac-cards">
            {online.map((s) => (
              <li key={s.slug} class="kern-card kern-card--interactive">
                <div class="kern-card__body">
                  <h3 class="kern-title">
                    <a class="kern-link kern-link--stretched" href={`/${tenant.slug}/leistungen/${s.slug}`}>
                      {s.name}
                    </a>
                  </h3>
                  {s.teaser && <p class="kern-body kern-body--small">{s.teaser}</p>}
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>

      <FacetSection
        id="lebenslagen"
        title={t(ctx.lang, 'lebenslagen')}
        param="lebenslage"
        tenantSlug={tenant.slug}
        facets={facets.lebenslagen}
      />
      <FacetSection
        id="themenfelder"
        title={t(ctx.lang, 'themenfelder')}
        param="themenfeld"
        tenantSlug={tenant.slug}
        facets={facets.themenfelder}
      />

      <section aria-labelledby="a-z" class="kern-stack">
        <h2 class="kern-heading-medium" id="a-z">
          Leistungen von A bis Z
        </h2>
        <ul class="kern-list kern-list--horizontal">
          {facets.letters.map((l) => (
            <li key={l}>
              <a class="kern-link" href={catalogHref(tenant.slug, { buchstabe: l })}>
                {l}
              </a>
            </li>
          ))}
        </ul>
        <p class="kern-body">
          <a class="kern-link" href={catalogHref(tenant.slug, {})}>
            {t(ctx.lang, 'allServices')}
          </a>
        </p>
      </section>
    </Layout>
  );
}

function FacetSection(props: { id: string; title: string; param: string; tenantSlug: string; facets: Facet[] }) {
  return (
    <section aria-labelledby={props.id} class="kern-stack">
      <h2 class="kern-heading-medium" id={props.id}>
        {props.title}
      </h2>
      <ul class="kern-list sac-facets">
        {props.facets.map((f) => (
          <li key={f.name}>
            <a class="kern-link" href={catalogHref(props.tenantSlug, { [props.param]: f.name })}>
              {f.name}
            </a>{' '}
            <span class="kern-body--muted">({f.count.toLocaleString('de-DE')})</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
