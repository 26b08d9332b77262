import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../platform/deps.ts';
import { notFound } from '../../platform/errors.ts';
import { sendPage } from '../../platform/render/render.ts';
import { resolveTenant } from '../tenants/ops/resolve-tenant.ts';
import { catalogFacets, catalogPageCache, findOffering, findService, listOnlineServices } from './repo.ts';
import { browseServices } from './search/browse-services.ts';
import { maxQueryLength, queryTerms } from './search/query-terms.ts';
import { searchServices } from './search/search-services.ts';
import { PortalPage } from './views/portal-page.tsx';
import { SearchPage } from './views/search-page.tsx';
import { ServicePage } from './views/service-page.tsx';

const pageSize = 20;
const maxPage = 500;
const maxFilterLength = 200;

interface CatalogQuery {
  q?: unknown;
  seite?: unknown;
  lebenslage?: unknown;
  themenfeld?: unknown;
  buchstabe?: unknown;
}

/** A query-string value as a short string, or undefined (arrays and overlong values are cut, never an error). */
function textParam(value: unknown, max = maxFilterLength): string | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  if (typeof v !== 'string') return undefined;
  const trimmed = v.slice(0, max).trim();
  return trimmed === '' ? undefined : trimmed;
}

function pageParam(value: unknown): number {
  const n = Number.parseInt(textParam(value, 6) ?? '1', 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, maxPage) : 1;
}

/** Portal, search and service pages. */
export function registerCatalogRoutes(app: FastifyInstance, deps: Deps): void {
  const db = deps.database.db;

  app.get<{ Params: { tenant: string } }>('/:tenant', async (request, reply) => {
    const tenant = await resolveTenant(deps, request, request.params.tenant);
    const [online, facets] = await Promise.all([
      listOnlineServices(db, tenant.id),
      catalogFacets(deps.database, deps.clock.now().getTime()),
    ]);
    return sendPage(
      reply,
      <PortalPage
        ctx={request.pageContext()}
        tenant={tenant}
        branding={request.branding!}
        online={online}
        facets={facets}
      />,
    );
  });

  app.get<{ Params: { tenant: string }; Querystring: CatalogQuery }>('/:tenant/leistungen', async (request, reply) => {
    const tenant = await resolveTenant(deps, request, request.params.tenant);
    const query = textParam(request.query.q, maxQueryLength);
    const page = pageParam(request.query.seite);
    const letter = textParam(request.query.buchstabe, 1)?.toUpperCase();
    const filter = {
      lebenslage: textParam(request.query.lebenslage),
      themenfeld: textParam(request.query.themenfeld),
      letter: letter && /^[A-Z]$/.test(letter) ? letter : undefined,
    };
    const facets = await catalogFacets(deps.database, deps.clock.now().getTime());
    const cacheKey = JSON.stringify(['list', tenant.id, query === undefined ? filter : queryTerms(query), page]);
    const result = (await catalogPageCache(deps.database).getOrCompute(cacheKey, Date.now(), async () =>
      query !== undefined
        ? await searchServices(db, tenant.id, { terms: queryTerms(query), page, pageSize })
        : { ...(await browseServices(db, tenant.id, filter, page, pageSize)), mode: 'browse' as const },
    )) as
      | Awaited<ReturnType<typeof searchServices>>
      | (Awaited<ReturnType<typeof browseServices>> & { mode: 'browse' });
    const props = {
      ctx: request.pageContext(),
      tenant,
      branding: request.branding!,
      query,
      filter,
      page,
      pageSize,
      facets,
    };
    return sendPage(reply, <SearchPage {...props} {...result} />);
  });

  app.get<{ Params: { tenant: string; service: string } }>('/:tenant/leistungen/:service', async (request, reply) => {
    const tenant = await resolveTenant(deps, request, request.params.tenant);
    const key = request.params.service;
    if (key.length > 160 || !/^[a-z0-9-]+$/.test(key)) throw notFound();
    const { service, found } = (await catalogPageCache(deps.database).getOrCompute(
      JSON.stringify(['service', tenant.id, key]),
      Date.now(),
      async () => {
        const service = await findService(db, key);
        return { service, found: service ? await findOffering(db, tenant.id, service.id) : undefined };
      },
    )) as { service: Awaited<ReturnType<typeof findService>>; found: Awaited<ReturnType<typeof findOffering>> };
    if (!service) throw notFound('Diese Leistung gibt es in unserem Leistungsverzeichnis nicht.');
    return sendPage(
      reply,
      <ServicePage
        ctx={request.pageContext()}
        tenant={tenant}
        branding={request.branding!}
        service={service}
        offering={found?.offering}
        office={found?.office}
      />,
    );
  });
}
