import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Registry } from 'prom-client';
import { allTenants, scoped } from '../../../platform/db/scope.ts';
import type { Deps } from '../../../platform/deps.ts';
import { notFound } from '../../../platform/errors.ts';
import { sendPage } from '../../../platform/render/render.ts';
import { attachmentDisposition } from '../../forms/uploads/index.ts';
import { currentStaff, requireStaff } from '../../staff/access.ts';
import { findTenantBySlug, listTenants } from '../../tenants/repo.ts';
import { listDestinationOverviews } from '../fit/admin-ops.ts';
import { loadDeliveryFiles } from '../outbox/build-payload.ts';
import { verifyFileLink } from '../outbox/file-links.ts';
import { registerDeliveryMetrics } from '../outbox/metrics.ts';
import { connectorRegistry } from '../registry.ts';
import { findRoute, listRoutes, type RouteInput, saveRoute } from '../routes-config/repo.ts';
import { registerFitDestinationAdminRoutes } from './fit-destination-routes.tsx';
import { listOpenDeliveries, retryDelivery } from './operator-ops.ts';
import { OperatorDeliveriesPage } from './operator-views.tsx';
import {
  type DestinationChoice,
  editableKinds,
  type Notice,
  type RouteFormErrors,
  RouteFormPage,
  type RouteFormValues,
  type RouteKind,
  RoutesPage,
} from './route-views.tsx';

function field(body: unknown, name: string, max: number): string {
  const value = (body as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value.slice(0, max).trim() : '';
}

function readForm(body: unknown): RouteFormValues {
  return {
    offeringId: field(body, 'offeringId', 64),
    label: field(body, 'label', 120),
    enabled: field(body, 'enabled', 4) === '1',
    url: field(body, 'url', 2000),
    secret: field(body, 'secret', 500),
    to: field(body, 'to', 254),
    destinationId: field(body, 'destinationId', 64),
  };
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * German messages for what can be checked without the network; the connector check follows on save. A FIT
 * destination must pass the connector's option schema and be one of the tenant's (`destinations`).
 */
function validateForm(
  kind: RouteKind,
  v: RouteFormValues,
  editing: boolean,
  fit: { parse: (options: unknown) => { ok: boolean }; destinations: DestinationChoice[] },
): RouteFormErrors {
  const errors: RouteFormErrors = {};
  if (!v.offeringId) errors.offeringId = 'Bitte wählen Sie eine Leistung aus.';
  if (!v.label) errors.label = 'Bitte geben Sie eine Bezeichnung ein.';
  if (kind === 'webhook') {
    if (!v.url) errors.url = 'Bitte geben Sie die Ziel-URL ein.';
    else if (!URL.canParse(v.url))
      errors.url = 'Bitte geben Sie eine vollständige Adresse ein, z. B. https://fachverfahren.example.de/eingang.';
    if (!v.secret && !editing) errors.secret = 'Bitte geben Sie das gemeinsame Geheimnis ein.';
    else if (v.secret && v.secret.length < 32) errors.secret = 'Das Geheimnis muss mindestens 32 Zeichen lang sein.';
  } else if (kind === 'fit-connect') {
    const chosen = fit.parse({ destinationId: v.destinationId }).ok
      ? fit.destinations.find((d) => d.id === v.destinationId)
      : undefined;
    if (!v.destinationId) errors.destinationId = 'Bitte wählen Sie einen FIT-Connect-Zustellpunkt aus.';
    else if (!chosen) errors.destinationId = 'Bitte wählen Sie einen Zustellpunkt Ihrer Kommune aus der Liste aus.';
    else if (chosen.status !== 'active')
      errors.destinationId =
        'Für diesen Zustellpunkt hat das Fachverfahren noch keine Schlüssel hinterlegt. Sie können ihn wählen, sobald er aktiv ist.';
  } else if (!EMAIL.test(v.to)) {
    errors.to = 'Bitte geben Sie eine gültige E-Mail-Adresse ein, z. B. standesamt@kommune.de.';
  }
  return errors;
}

/**
 * Delivery administration: the tenant's routes (`/admin/{tenant}/zustellwege`, tenant admin or operator),
 * the operator's delivery monitor (`/admin/zustellungen`), the signed file downloads for webhook receivers
 * (`/api/v1/zustellungen/{id}/dateien/{fileId}`) and the delivery metrics.
 */
export function registerDeliveryRoutes(app: FastifyInstance, deps: Deps, metrics?: Registry): void {
  const db = deps.database.db;
  if (metrics) registerDeliveryMetrics(metrics, deps);

  async function adminTenant(request: FastifyRequest<{ Params: { tenant: string } }>) {
    const tenant = await findTenantBySlug(db, request.params.tenant);
    if (!tenant) throw notFound();
    const staff = await requireStaff(request, { tenantId: tenant.id, role: ['admin', 'operator'] });
    return { tenant, staff };
  }
  registerFitDestinationAdminRoutes(app, deps, adminTenant);

  const destinationsOf = async (tenantId: string): Promise<DestinationChoice[]> =>
    (await listDestinationOverviews(db, tenantId)).map((d) => ({ id: d.id, name: d.name, status: d.status }));

  const offeringsOf = async (tenantId: string) =>
    (
      await scoped(db, tenantId)
        .selectFrom('offerings')
        .innerJoin('services', 'services.id', 'offerings.service_id')
        .select(['offerings.id', 'services.name'])
        .where('offerings.assistant_id', 'is not', null)
        .orderBy('services.name')
        .execute()
    ).map((o) => ({ id: o.id, name: o.name }));

  async function listPage(
    request: FastifyRequest,
    reply: FastifyReply,
    tenant: { id: string; slug: string; name: string },
    notice?: Notice,
  ) {
    const destinations = await destinationsOf(tenant.id);
    const page = (
      <RoutesPage
        ctx={request.pageContext()}
        csrf={await request.csrfToken()}
        tenant={tenant}
        routes={await listRoutes(deps, tenant.id)}
        destinationNames={new Map(destinations.map((d) => [d.id, d.name]))}
        notice={notice}
      />
    );
    return sendPage(reply, page);
  }

  const loginRedirect = async (request: FastifyRequest, reply: FastifyReply) =>
    (await currentStaff(request)) ? undefined : reply.redirect('/backoffice/anmelden', 303);

  app.get<{ Params: { tenant: string }; Querystring: { gespeichert?: string } }>(
    '/admin/:tenant/zustellwege',
    async (request, reply) => {
      if (await loginRedirect(request, reply)) return reply;
      const { tenant } = await adminTenant(request);
      const notice: Notice | undefined = request.query.gespeichert
        ? { kind: 'success', title: 'Gespeichert', lines: ['Der Übermittlungsweg wurde gespeichert.'] }
        : undefined;
      return listPage(request, reply, tenant, notice);
    },
  );

  async function formPage(
    request: FastifyRequest,
    reply: FastifyReply,
    props: {
      tenant: { id: string; slug: string; name: string };
      kind: RouteKind;
      routeId?: string;
      values: RouteFormValues;
      errors: RouteFormErrors;
    },
  ) {
    const hasErrors = Object.keys(props.errors).length > 0;
    const page = (
      <RouteFormPage
        ctx={request.pageContext()}
        csrf={await request.csrfToken()}
        offerings={await offeringsOf(props.tenant.id)}
        destinations={props.kind === 'fit-connect' ? await destinationsOf(props.tenant.id) : undefined}
        {...props}
      />
    );
    return sendPage(reply, page, hasErrors ? 422 : 200);
  }

  const kindOf = (value: unknown): RouteKind | undefined =>
    typeof value === 'string' && editableKinds.has(value) ? (value as RouteKind) : undefined;

  async function save(
    request: FastifyRequest,
    reply: FastifyReply,
    tenant: { id: string; slug: string; name: string },
    kind: RouteKind,
    existing?: { id: string; options: Record<string, unknown> },
  ) {
    const values = readForm(request.body);
    const registry = connectorRegistry(deps);
    const errors = validateForm(kind, values, !!existing, {
      parse: (options) => registry.parseOptions('fit-connect', options),
      destinations: kind === 'fit-connect' ? await destinationsOf(tenant.id) : [],
    });
    const routeId = existing?.id;
    if (Object.keys(errors).length > 0)
      return formPage(request, reply, { tenant, kind, ...(routeId ? { routeId } : {}), values, errors });
    const options =
      kind === 'webhook'
        ? { ...existing?.options, url: values.url, secret: values.secret || existing?.options.secret }
        : kind === 'fit-connect'
          ? { destinationId: values.destinationId }
          : { to: values.to };
    const input: RouteInput = {
      id: routeId,
      offeringId: values.offeringId,
      connectorId: kind,
      label: values.label,
      enabled: values.enabled,
      options,
    };
    const result = await saveRoute(deps, tenant.id, input);
    if (!result.ok) {
      const message = result.problems.join(' ');
      const target: keyof RouteFormErrors = message.includes('Leistung')
        ? 'offeringId'
        : kind === 'webhook'
          ? 'url'
          : kind === 'fit-connect'
            ? 'destinationId'
            : 'to';
      return formPage(request, reply, {
        tenant,
        kind,
        ...(routeId ? { routeId } : {}),
        values,
        errors: { [target]: message },
      });
    }
    return reply.redirect(`/admin/${tenant.slug}/zustellwege?gespeichert=1`, 303);
  }

  const emptyValues: RouteFormValues = {
    offeringId: '',
    label: '',
    enabled: true,
    url: '',
    secret: '',
    to: '',
    destinationId: '',
  };

  app.get<{ Params: { tenant: string }; Querystring: { art?: string } }>(
    '/admin/:tenant/zustellwege/neu',
    async (request, reply) => {
      if (await loginRedirect(request, reply)) return reply;
      const { tenant } = await adminTenant(request);
      const kind = kindOf(request.query.art);
      if (!kind) throw notFound();
      return formPage(request, reply, { tenant, kind, values: emptyValues, errors: {} });
    },
  );

  app.post<{ Params: { tenant: string }; Querystring: { art?: string } }>(
    '/admin/:tenant/zustellwege/neu',
    async (request, reply) => {
      const { tenant } = await adminTenant(request);
      const kind = kindOf(request.query.art);
      if (!kind) throw notFound();
      return save(request, reply, tenant, kind);
    },
  );

  async function editableRoute(tenantId: string, id: string) {
    const route = await findRoute(deps, tenantId, id);
    const kind = kindOf(route?.connectorId);
    if (!route || !kind) throw notFound();
    return { route, kind };
  }

  app.get<{ Params: { tenant: string; id: string } }>('/admin/:tenant/zustellwege/:id', async (request, reply) => {
    if (await loginRedirect(request, reply)) return reply;
    const { tenant } = await adminTenant(request);
    const { route, kind } = await editableRoute(tenant.id, request.params.id);
    const o = route.options;
    const values: RouteFormValues = {
      offeringId: route.offeringId,
      label: route.label,
      enabled: route.enabled,
      url: typeof o.url === 'string' ? o.url : '',
      secret: '',
      to: typeof o.to === 'string' ? o.to : '',
      destinationId: typeof o.destinationId === 'string' ? o.destinationId : '',
    };
    return formPage(request, reply, { tenant, kind, routeId: route.id, values, errors: {} });
  });

  app.post<{ Params: { tenant: string; id: string } }>('/admin/:tenant/zustellwege/:id', async (request, reply) => {
    const { tenant } = await adminTenant(request);
    const { route, kind } = await editableRoute(tenant.id, request.params.id);
    return save(request, reply, tenant, kind, route);
  });

  app.post<{ Params: { tenant: string; id: string } }>(
    '/admin/:tenant/zustellwege/:id/test',
    async (request, reply) => {
      const { tenant } = await adminTenant(request);
      const route = await findRoute(deps, tenant.id, request.params.id);
      if (!route) throw notFound();
      const registry = connectorRegistry(deps);
      let notice: Notice;
      const parsed = registry.has(route.connectorId) ? registry.parseOptions(route.connectorId, route.options) : null;
      if (!parsed?.ok) {
        notice = { kind: 'danger', title: 'Einstellungen ungültig', lines: parsed?.problems ?? ['Unbekannter Weg.'] };
      } else {
        const connector = registry.get(route.connectorId);
        const check = await connector.checkConfig(parsed.options);
        const result = check.ok && connector.testConnection ? await connector.testConnection(parsed.options) : check;
        notice = result.ok
          ? {
              kind: 'success',
              title: `Verbindungstest „${route.label}“ erfolgreich`,
              lines: result.problems.length > 0 ? result.problems : ['Die Einstellungen sind in Ordnung.'],
            }
          : { kind: 'danger', title: `Verbindungstest „${route.label}“ fehlgeschlagen`, lines: result.problems };
      }
      return listPage(request, reply, tenant, notice);
    },
  );

  app.get<{ Querystring: { kommune?: string; erneut?: string } }>('/admin/zustellungen', async (request, reply) => {
    if (await loginRedirect(request, reply)) return reply;
    await requireStaff(request, { role: 'operator' });
    const tenants = await listTenants(db);
    const selected = tenants.find((t) => t.slug === request.query.kommune);
    const rows = await listOpenDeliveries(deps, { tenantId: selected?.id });
    const notice: Notice | undefined = request.query.erneut
      ? { kind: 'success', title: 'Erneut angestoßen', lines: ['Die Übermittlung wird erneut versucht.'] }
      : undefined;
    const page = (
      <OperatorDeliveriesPage
        ctx={request.pageContext()}
        csrf={await request.csrfToken()}
        rows={rows}
        tenants={tenants.map((t) => ({ slug: t.slug, name: t.name }))}
        selectedTenant={selected?.slug ?? ''}
        notice={notice}
      />
    );
    return sendPage(reply, page);
  });

  app.post<{ Params: { id: string } }>('/admin/zustellungen/:id/erneut', async (request, reply) => {
    const staff = await requireStaff(request, { role: 'operator' });
    const outcome = await retryDelivery(deps, request.params.id, `staff:${staff.id}`);
    if (outcome === 'not_found') throw notFound();
    return reply.redirect(outcome === 'retried' ? '/admin/zustellungen?erneut=1' : '/admin/zustellungen', 303);
  });

  app.get<{ Params: { deliveryId: string; fileId: string }; Querystring: { expires?: string; sig?: string } }>(
    '/api/v1/zustellungen/:deliveryId/dateien/:fileId',
    async (request, reply) => {
      const { deliveryId, fileId } = request.params;
      if (!verifyFileLink(deps, deliveryId, fileId, request.query.expires, request.query.sig)) throw notFound();
      const delivery = await db
        .selectFrom('deliveries')
        .select(['tenant_id', 'submission_id'])
        .where('id', '=', deliveryId)
        .modifyEnd(allTenants)
        .executeTakeFirst();
      if (!delivery) throw notFound();
      const file = (await loadDeliveryFiles(deps, delivery.tenant_id, delivery.submission_id)).find(
        (f) => f.id === fileId,
      );
      if (!file) throw notFound();
      const content = await file.read();
      return reply
        .header('content-type', file.mimeType)
        .header('content-length', String(content.length))
        .header('content-disposition', attachmentDisposition(file.filename))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .send(content);
    },
  );
}
