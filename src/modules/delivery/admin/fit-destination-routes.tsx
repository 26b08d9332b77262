import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../platform/deps.ts';
import { notFound } from '../../../platform/errors.ts';
import { sendPage } from '../../../platform/render/render.ts';
import type { StaffPrincipal } from '../../staff/access.ts';
import { currentStaff } from '../../staff/access.ts';
import { FEEDBACK_API_PREFIX } from '../feedback/routes.ts';
import {
  auditFit,
  createDestinationByAdmin,
  findDestinationOverview,
  listDestinationOverviews,
} from '../fit/admin-ops.ts';
import { fitIssuer } from '../fit/auth.ts';
import { type ClientCredentials, createClient, listClients, revokeClient } from '../fit/credentials.ts';
import { outboundPolicy } from '../registry.ts';
import { FitDestinationPage } from './fit-destination-detail-view.tsx';
import {
  FitDestinationsPage,
  fitBase,
  type NewDestinationErrors,
  type NewDestinationValues,
} from './fit-destination-views.tsx';
import type { Notice } from './route-views.tsx';

type TenantRef = { id: string; slug: string; name: string };
type Access = (request: FastifyRequest<{ Params: { tenant: string } }>) => Promise<{
  tenant: TenantRef;
  staff: StaffPrincipal;
}>;

const NAME_MAX = 120;
const LABEL_MAX = 120;
const SECRET_MIN = 32;

function field(body: unknown, name: string, max: number): string {
  const value = (body as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value.slice(0, max).trim() : '';
}

/** What the new-destination form can check without the network; the callback URL's SSRF check follows. */
function validateDestination(v: NewDestinationValues, secret: string): NewDestinationErrors {
  const errors: NewDestinationErrors = {};
  if (!v.name) errors.name = 'Bitte geben Sie einen Namen für den Zustellpunkt ein.';
  else if (v.name.length > NAME_MAX) errors.name = `Der Name darf höchstens ${NAME_MAX} Zeichen lang sein.`;
  if (v.callbackUrl && !URL.canParse(v.callbackUrl))
    errors.callbackUrl =
      'Bitte geben Sie eine vollständige Adresse ein, z. B. https://fachverfahren.example.de/fit-callback.';
  if (v.callbackUrl && !secret)
    errors.callbackSecret = 'Bitte geben Sie zur Callback-Adresse ein Geheimnis mit mindestens 32 Zeichen ein.';
  else if (secret && secret.length < SECRET_MIN)
    errors.callbackSecret = `Das Callback-Geheimnis muss mindestens ${SECRET_MIN} Zeichen lang sein.`;
  else if (secret && !v.callbackUrl)
    errors.callbackUrl = 'Bitte geben Sie die Callback-Adresse ein oder lassen Sie das Geheimnis leer.';
  return errors;
}

/** The vendor documents SAC ships, served as plain text so the admin page can link them. */
const docsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../docs/integration');
const servedDocs = new Set(['fit-connect.md', 'feedback.md', 'webhook.md']);
export const DOCS_PREFIX = '/doku/integration';

/**
 * `/admin/{tenant}/fit-zustellpunkte`: a municipality's admin (or the operator) creates FIT destinations,
 * OAuth2 clients for the Fachverfahren vendor (secret shown once) and revokes them. Also serves the vendor
 * documentation under `/doku/integration/`.
 */
export function registerFitDestinationAdminRoutes(app: FastifyInstance, deps: Deps, access: Access): void {
  const db = deps.database.db;
  const policy = outboundPolicy(deps);
  const vendor = {
    tokenUrl: `${fitIssuer(deps)}/token`,
    apiUrl: fitIssuer(deps),
    feedbackUrl: `${deps.config.baseUrl}${FEEDBACK_API_PREFIX}`,
    docsUrl: `${DOCS_PREFIX}/fit-connect.md`,
  };
  const loginRedirect = async (request: FastifyRequest, reply: FastifyReply) =>
    (await currentStaff(request)) ? undefined : reply.redirect('/backoffice/anmelden', 303);

  async function listPage(
    request: FastifyRequest,
    reply: FastifyReply,
    tenant: TenantRef,
    form: { values: NewDestinationValues; errors: NewDestinationErrors },
  ) {
    const page = (
      <FitDestinationsPage
        ctx={request.pageContext()}
        csrf={await request.csrfToken()}
        tenant={tenant}
        destinations={await listDestinationOverviews(db, tenant.id)}
        {...form}
      />
    );
    return sendPage(reply.header('cache-control', 'no-store'), page, Object.keys(form.errors).length ? 422 : 200);
  }

  app.get<{ Params: { tenant: string } }>('/admin/:tenant/fit-zustellpunkte', async (request, reply) => {
    if (await loginRedirect(request, reply)) return reply;
    const { tenant } = await access(request);
    return listPage(request, reply, tenant, { values: { name: '', callbackUrl: '' }, errors: {} });
  });

  app.post<{ Params: { tenant: string } }>('/admin/:tenant/fit-zustellpunkte', async (request, reply) => {
    const { tenant, staff } = await access(request);
    const values: NewDestinationValues = {
      name: field(request.body, 'name', 500),
      callbackUrl: field(request.body, 'callbackUrl', 2000),
    };
    const secret = field(request.body, 'callbackSecret', 500);
    const errors = validateDestination(values, secret);
    if (Object.keys(errors).length > 0) return listPage(request, reply, tenant, { values, errors });
    const created = await createDestinationByAdmin(db, deps.cipher, policy, {
      tenantId: tenant.id,
      name: values.name,
      callbackUrl: values.callbackUrl || null,
      callbackSecret: secret || null,
      now: deps.clock.now(),
      actor: `staff:${staff.id}`,
    });
    if (!created.ok) return listPage(request, reply, tenant, { values, errors: { callbackUrl: created.callbackUrl } });
    return reply.redirect(`${fitBase(tenant)}/${created.id}?angelegt=1`, 303);
  });

  async function destinationOf(tenant: TenantRef, id: string) {
    const destination = await findDestinationOverview(db, tenant.id, id);
    if (!destination) throw notFound();
    return destination;
  }

  async function detailPage(
    request: FastifyRequest,
    reply: FastifyReply,
    tenant: TenantRef,
    destinationId: string,
    extra: {
      labelValue?: string;
      labelError?: string;
      created?: ClientCredentials & { label: string };
      notice?: Notice;
    } = {},
  ) {
    const destination = await destinationOf(tenant, destinationId);
    const page = (
      <FitDestinationPage
        ctx={request.pageContext()}
        csrf={await request.csrfToken()}
        tenant={tenant}
        destination={destination}
        clients={await listClients(db, tenant.id, destination.id)}
        vendor={vendor}
        labelValue={extra.labelValue ?? ''}
        labelError={extra.labelError}
        created={extra.created}
        notice={extra.notice}
      />
    );
    // The page may carry a client secret: never cached, never stored by a proxy.
    return sendPage(reply.header('cache-control', 'no-store'), page, extra.labelError ? 422 : 200);
  }

  app.get<{ Params: { tenant: string; id: string }; Querystring: { angelegt?: string; widerrufen?: string } }>(
    '/admin/:tenant/fit-zustellpunkte/:id',
    async (request, reply) => {
      if (await loginRedirect(request, reply)) return reply;
      const { tenant } = await access(request);
      const notice: Notice | undefined = request.query.angelegt
        ? {
            kind: 'success',
            title: 'Zustellpunkt angelegt',
            lines: ['Legen Sie jetzt einen Zugang für den Hersteller des Fachverfahrens an.'],
          }
        : request.query.widerrufen
          ? {
              kind: 'success',
              title: 'Zugang widerrufen',
              lines: ['Der Zugang kann ab sofort keine Anträge mehr abrufen und keine Rückmeldungen senden.'],
            }
          : undefined;
      return detailPage(request, reply, tenant, request.params.id, notice ? { notice } : {});
    },
  );

  app.post<{ Params: { tenant: string; id: string } }>(
    '/admin/:tenant/fit-zustellpunkte/:id/zugaenge',
    async (request, reply) => {
      const { tenant, staff } = await access(request);
      const destination = await destinationOf(tenant, request.params.id);
      const label = field(request.body, 'label', 500);
      const labelError = !label
        ? 'Bitte geben Sie eine Bezeichnung für den Zugang ein.'
        : label.length > LABEL_MAX
          ? `Die Bezeichnung darf höchstens ${LABEL_MAX} Zeichen lang sein.`
          : undefined;
      if (labelError) return detailPage(request, reply, tenant, destination.id, { labelValue: label, labelError });
      const now = deps.clock.now();
      const credentials = await db.transaction().execute(async (trx) => {
        const c = await createClient(trx, {
          tenantId: tenant.id,
          destinationId: destination.id,
          scopes: ['subscribe', 'feedback'],
          label,
          now,
        });
        await auditFit(trx, {
          tenantId: tenant.id,
          actor: `staff:${staff.id}`,
          action: 'fit.client_created',
          destinationId: destination.id,
          details: { clientId: c.clientId },
          now,
        });
        return c;
      });
      return detailPage(request, reply, tenant, destination.id, { created: { ...credentials, label } });
    },
  );

  app.post<{ Params: { tenant: string; id: string; clientId: string } }>(
    '/admin/:tenant/fit-zustellpunkte/:id/zugaenge/:clientId/widerrufen',
    async (request, reply) => {
      const { tenant, staff } = await access(request);
      const destination = await destinationOf(tenant, request.params.id);
      const now = deps.clock.now();
      const outcome = await db.transaction().execute(async (trx) => {
        const result = await revokeClient(trx, {
          tenantId: tenant.id,
          destinationId: destination.id,
          clientId: request.params.clientId.slice(0, 200),
          now,
        });
        if (result === 'revoked') {
          await auditFit(trx, {
            tenantId: tenant.id,
            actor: `staff:${staff.id}`,
            action: 'fit.client_revoked',
            destinationId: destination.id,
            details: { clientId: request.params.clientId },
            now,
          });
        }
        return result;
      });
      if (outcome === 'not_found') throw notFound();
      return reply.redirect(`${fitBase(tenant)}/${destination.id}?widerrufen=1`, 303);
    },
  );

  app.get<{ Params: { file: string } }>(`${DOCS_PREFIX}/:file`, async (request, reply) => {
    if (!servedDocs.has(request.params.file)) throw notFound();
    const text = await readFile(path.join(docsDir, request.params.file), 'utf8');
    return reply
      .header('content-type', 'text/plain; charset=utf-8')
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'public, max-age=3600')
      .send(text);
  });
}
