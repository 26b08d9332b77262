import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../platform/deps.ts';
import { notFound } from '../../platform/errors.ts';
import { sendPage } from '../../platform/render/render.ts';
import { resolveTenant } from './ops/resolve-tenant.ts';
import { findLegalPage, findOffice, listTenants } from './repo.ts';
import type { LegalPageKind } from './tables.ts';
import { LandingPage } from './views/landing.tsx';
import { LegalPageView } from './views/legal-page.tsx';
import { OfficePage } from './views/office-page.tsx';

const legalPaths: Record<string, LegalPageKind> = {
  impressum: 'impressum',
  datenschutz: 'datenschutz',
  barrierefreiheit: 'barrierefreiheit',
};

export function registerTenantRoutes(app: FastifyInstance, deps: Deps): void {
  const db = deps.database.db;

  app.get('/', async (request, reply) => {
    const tenants = await listTenants(db);
    return sendPage(reply, <LandingPage ctx={request.pageContext()} tenants={tenants} />);
  });

  for (const [path, kind] of Object.entries(legalPaths)) {
    app.get<{ Params: { tenant: string } }>(`/:tenant/${path}`, async (request, reply) => {
      const tenant = await resolveTenant(deps, request, request.params.tenant);
      const page = await findLegalPage(db, tenant.id, kind);
      if (!page) throw notFound();
      return sendPage(
        reply,
        <LegalPageView ctx={request.pageContext()} tenant={tenant} branding={request.branding!} page={page} />,
      );
    });
  }

  app.get<{ Params: { tenant: string; office: string } }>('/:tenant/stellen/:office', async (request, reply) => {
    const tenant = await resolveTenant(deps, request, request.params.tenant);
    const office = await findOffice(db, tenant.id, request.params.office);
    if (!office) throw notFound();
    return sendPage(
      reply,
      <OfficePage ctx={request.pageContext()} tenant={tenant} branding={request.branding!} office={office} />,
    );
  });

  // The tenant's colour as a stylesheet: the CSP forbids inline styles.
  app.get<{ Params: { tenant: string } }>('/:tenant/theme.css', async (request, reply) => {
    const tenant = await resolveTenant(deps, request, request.params.tenant);
    return reply
      .type('text/css; charset=utf-8')
      .header('cache-control', 'public, max-age=300')
      .send(`:root { --sac-primary: ${tenant.primary_color}; }\n`);
  });

  app.get<{ Params: { tenant: string } }>('/:tenant/logo.svg', async (request, reply) => {
    const tenant = await resolveTenant(deps, request, request.params.tenant);
    if (!tenant.logo_svg) throw notFound();
    // An SVG is active content: sandbox it so that a script inside could never run in our origin.
    return reply
      .type('image/svg+xml')
      .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; sandbox")
      .header('cache-control', 'public, max-age=300')
      .send(tenant.logo_svg);
  });
}
