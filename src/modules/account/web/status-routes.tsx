import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../platform/deps.ts';
import { AppError } from '../../../platform/errors.ts';
import { sendPage } from '../../../platform/render/render.ts';
import { citizenNavItems } from '../../identity/views/citizen-nav.tsx';
import { resolveTenant } from '../../tenants/ops/resolve-tenant.ts';
import { lookupStatus, type StatusLookup } from '../status-lookup/lookup-status.ts';
import { at } from './texts.ts';
import { type StatusForm, StatusPage } from './views/status-page.tsx';

type Params = { tenant: string };
type Body = Record<string, unknown> | undefined;

const text = (value: unknown) => (typeof value === 'string' ? value.trim().slice(0, 100) : '');

/** `/{tenant}/status`: the status of a submission by reference number and status code, without an account. */
export function registerStatusRoutes(app: FastifyInstance, deps: Deps): void {
  async function render(
    request: FastifyRequest<{ Params: Params }>,
    reply: FastifyReply,
    form: StatusForm,
    options: { status?: number; result?: Extract<StatusLookup, { kind: 'found' }> } = {},
  ) {
    return sendPage(
      reply.header('cache-control', 'no-store'),
      <StatusPage
        ctx={request.pageContext()}
        branding={request.branding!}
        navItems={await citizenNavItems(request)}
        csrf={await request.csrfToken()}
        form={form}
        result={options.result}
      />,
      options.status,
    );
  }

  app.get<{ Params: Params }>('/:tenant/status', async (request, reply) => {
    await resolveTenant(deps, request, request.params.tenant);
    return render(request, reply, { reference: '', code: '', errors: {} });
  });

  app.post<{ Params: Params }>('/:tenant/status', async (request, reply) => {
    const tenant = await resolveTenant(deps, request, request.params.tenant);
    const lang = request.pageContext().lang;
    const body = request.body as Body;
    const form: StatusForm = { reference: text(body?.vorgangsnummer), code: text(body?.statuscode), errors: {} };
    if (!form.reference) form.errors.reference = at(lang, 'statusMissingReference');
    if (!form.code) form.errors.code = at(lang, 'statusMissingCode');
    if (form.errors.reference || form.errors.code) return render(request, reply, form, { status: 422 });
    try {
      const result = await lookupStatus(deps, {
        tenantId: tenant.id,
        ip: request.ip,
        reference: form.reference,
        code: form.code,
      });
      if (result.kind === 'notFound') {
        form.errors.form = at(lang, 'statusNotFound');
        return render(request, reply, form, { status: 404 });
      }
      return render(request, reply, { reference: '', code: '', errors: {} }, { result });
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'rate_limited') throw error;
      reply.headers(error.headers);
      form.errors.form = error.detail;
      return render(request, reply, form, { status: 429 });
    }
  });
}
