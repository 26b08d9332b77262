import { t } from '../../../platform/render/i18n.ts';
import { type Branding, Layout, type PageContext } from '../../../platform/render/layout.tsx';
import type { Tenant } from '../../tenants/repo.ts';
import type { CatalogFacets } from '../repo.ts';
import type { BrowseFilter } from '../search/browse-services.ts';
import type { MatchMode } from '../search/search-services.ts';
import type { ServiceListItem } from '../search/service-list-query.ts';
import { catalogHref } from './catalog-links.ts';
import { EmptyResult } from './empty-result.tsx';
import { Pagination } from './pagination.tsx';
import { ResultList } from './result-list.tsx';
import { SearchForm } from './search-form.tsx';

export interface SearchPageProps {
  ctx: PageContext;
  tenant: Tenant;
  branding: Branding;
  /** The query as typed (already capped), or undefined when browsing. */
  query: string | undefined;
  filter: BrowseFilter;
  items: ServiceListItem[];
  total: number;
  mode: MatchMode | 'browse';
  page: number;
  pageSize: number;
  facets: CatalogFacets;
}

function resultHeading(p: SearchPageProps): string {
  if (p.query !== undefined) return `${p.total.toLocaleString('de-DE')} Treffer für „${p.query}“`;
  const what =
    p.filter.lebenslage ?? p.filter.themenfeld ?? (p.filter.letter ? `Buchstabe ${p.filter.letter}` : undefined);
  const count = `${p.total.toLocaleString('de-DE')} ${p.total === 1 ? 'Leistung' : 'Leistungen'}`;
  return what ? `${count}: ${what}` : count;
}

const modeNotes: Partial<Record<MatchMode, string>> = {
  any: 'Keine Leistung enthält alle Suchbegriffe. Angezeigt werden Leistungen, die mindestens einen der Begriffe enthalten.',
  similar:
    'Es gibt keine Leistung mit genau diesen Begriffen. Angezeigt werden Leistungen mit ähnlich geschriebenem Namen – vielleicht hat sich ein Tippfehler eingeschlichen.',
};

/** `/{tenant}/leistungen`: search results, or the catalog filtered by Lebenslage, Themenfeld or letter. */
export function SearchPage(p: SearchPageProps) {
  const { ctx, tenant } = p;
  const lastPage = Math.max(1, Math.ceil(p.total / p.pageSize));
  const params = {
    q: p.query,
    lebenslage: p.filter.lebenslage,
    themenfeld: p.filter.themenfeld,
    buchstabe: p.filter.letter,
  };
  const heading = resultHeading(p);
  const title = p.query !== undefined ? `Suche: ${p.query}` : t(ctx.lang, 'allServices');
  return (
    <Layout
      ctx={ctx}
      title={p.page > 1 ? `${title} (Seite ${p.page})` : title}
      tenant={p.branding}
      crumbs={[{ label: tenant.name, href: `/${tenant.slug}` }, { label: t(ctx.lang, 'allServices') }]}
    >
      <h1 class="kern-heading-large">{p.query !== undefined ? 'Leistungen suchen' : 'Leistungen von A bis Z'}</h1>
      <SearchForm ctx={ctx} tenantSlug={tenant.slug} query={p.query ?? ''} />
      {p.query === undefined && (
        <LetterNav
          tenantSlug={tenant.slug}
          letters={p.facets.letters}
          current={p.filter.letter}
          filtered={!!(p.filter.lebenslage || p.filter.themenfeld)}
        />
      )}
      <section aria-labelledby="ergebnisse" class="kern-stack">
        <h2 class="kern-heading-medium" id="ergebnisse">
          {p.total === 0 && p.query !== undefined ? `Keine Treffer für „${p.query}“` : heading}
        </h2>
        {p.mode !== 'browse' && p.total > 0 && modeNotes[p.mode] && <p class="kern-body">{modeNotes[p.mode]}</p>}
        {p.total === 0 && p.query !== undefined && <EmptyResult tenant={tenant} />}
        {p.total === 0 && p.query === undefined && (
          <p class="kern-body">
            Für diese Auswahl gibt es keine Leistungen.{' '}
            <a class="kern-link" href={catalogHref(tenant.slug, {})}>
              Alle Leistungen anzeigen
            </a>
          </p>
        )}
        {p.items.length > 0 && <ResultList ctx={ctx} tenantSlug={tenant.slug} items={p.items} />}
        {p.total > 0 && p.items.length === 0 && (
          <p class="kern-body">
            Diese Seite gibt es nicht.{' '}
            <a class="kern-link" href={catalogHref(tenant.slug, { ...params, seite: 1 })}>
              Zur ersten Seite
            </a>
          </p>
        )}
        <Pagination
          ctx={ctx}
          page={p.page}
          lastPage={lastPage}
          href={(n) => catalogHref(tenant.slug, { ...params, seite: n > 1 ? n : undefined })}
        />
      </section>
    </Layout>
  );
}

function LetterNav(props: { tenantSlug: string; letters: string[]; current: string | undefined; filtered: boolean }) {
  const { tenantSlug, letters, current, filtered } = props;
  return (
    <nav aria-label="Leistungen nach Anfangsbuchstabe">
      <ul class="kern-list kern-list--horizontal">
        <li>
          <a
            class="kern-link"
            href={catalogHref(tenantSlug, {})}
            aria-current={current || filtered ? undefined : 'page'}
          >
            Alle
          </a>
        </li>
        {letters.map((l) => (
          <li key={l}>
            <a
              class="kern-link"
              href={catalogHref(tenantSlug, { buchstabe: l })}
              aria-current={l === current ? 'page' : undefined}
            >
              {l}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
