import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../platform/deps.ts';
import { notFound } from '../../../platform/errors.ts';
import { sendPage } from '../../../platform/render/render.ts';
import { checkOidcConfig } from '../../identity/providers/oidc/check-config.ts';
import { oidcOptionsSchema } from '../../identity/providers/oidc/options.ts';
import { findTenantBySlug } from '../../tenants/repo.ts';
import { currentStaff, requireStaff } from '../access.ts';
import { writeStaffAudit } from '../repo.ts';
import { StaffOidcAdminPage, type StaffOidcFormValues } from './admin-views.tsx';
import { findStaffOidcConfig, removeStaffOidcConfig, saveStaffOidcConfig, staffOidcCallbackPath } from './config.ts';

const field = (body: unknown, name: string, max: number) => {
  const v = (body as Record<string, unknown> | undefined)?.[name];
  return typeof v === 'string' ? v.trim().slice(0, max) : '';
};

const isLocalHttp = (issuer: string) => {
  try {
    const u = new URL(issuer);
    return u.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname);
  } catch {
    return false;
  }
};

/**
 * `/admin/:tenant/verwaltungskonto`: a municipality's admins (and operators) set up, check and switch off the
 * staff login with the municipality's OpenID provider. Saving checks the provider first (`checkConfig`).
 */
export function registerStaffOidcAdminRoutes(app: FastifyInstance, deps: Deps): void {
  const db = deps.database.db;

  async function access(request: FastifyRequest, slug: string) {
    const tenant = await findTenantBySlug(db, slug);
    if (!tenant) throw notFound();
    const staff = await requireStaff(request, { tenantId: tenant.id, role: ['admin', 'operator'] });
    return { tenant, staff };
  }

  async function render(
    request: FastifyRequest,
    reply: FastifyReply,
    tenant: { id: string; slug: string; name: string },
    extra: { values?: StaffOidcFormValues; problems?: string[]; notice?: string } = {},
  ) {
    const current = await findStaffOidcConfig(deps, tenant.id);
    const values = extra.values ?? {
      issuer: current?.options.issuer ?? '',
      clientId: current?.options.clientId ?? '',
      accountClaim: current?.accountClaim ?? 'email',
      label: current?.label ?? '',
    };
    return sendPage(
      reply.header('cache-control', 'no-store'),
      <StaffOidcAdminPage
        ctx={request.pageContext()}
        csrf={await request.csrfToken()}
        tenant={tenant}
        values={values}
        configured={!!current}
        hasSecret={!!current?.options.clientSecret}
        problems={extra.problems}
        notice={extra.notice}
        callbackUrl={`${deps.config.baseUrl}${staffOidcCallbackPath(tenant.slug)}`}
      />,
      extra.problems?.length ? 422 : 200,
    );
  }

  app.get<{ Params: { tenant: string } }>('/admin/:tenant/verwaltungskonto', async (request, reply) => {
    if (!(await currentStaff(request))) return reply.redirect('/backoffice/anmelden', 303);
    const { tenant } = await access(request, request.params.tenant);
    const notice = (request.query as Record<string, string>).gespeichert
      ? 'Die Einstellungen sind gespeichert.'
      : undefined;
    return render(request, reply, tenant, { notice });
  });

  app.post<{ Params: { tenant: string } }>('/admin/:tenant/verwaltungskonto', async (request, reply) => {
    const { tenant, staff } = await access(request, request.params.tenant);
    const path = `/admin/${tenant.slug}/verwaltungskonto`;
    if (field(request.body, 'entfernen', 2) === '1') {
      await removeStaffOidcConfig(db, tenant.id);
      await writeStaffAudit(db, {
        actor: `staff:${staff.id}`,
        action: 'staff.oidc_config_removed',
        tenantId: tenant.id,
      });
      return reply.redirect(`${path}?gespeichert=1`, 303);
    }
    const values: StaffOidcFormValues = {
      issuer: field(request.body, 'issuer', 500).replace(/\/+$/, ''),
      clientId: field(request.body, 'clientId', 200),
      accountClaim: field(request.body, 'accountClaim', 64) || 'email',
      label: field(request.body, 'label', 120),
    };
    const current = await findStaffOidcConfig(deps, tenant.id);
    const clientSecret = field(request.body, 'clientSecret', 500) || current?.options.clientSecret;
    const problems: string[] = [];
    if (!/^https?:\/\/\S+$/.test(values.issuer))
      problems.push('Bitte geben Sie die Adresse des Ausstellers an (https://…).');
    if (!values.clientId) problems.push('Bitte geben Sie die Client-ID an.');
    if (!/^[A-Za-z0-9_:.-]{1,64}$/.test(values.accountClaim))
      problems.push('Die Angabe mit der E-Mail-Adresse darf nur Buchstaben, Ziffern und _ : . - enthalten.');
    const input = {
      issuer: values.issuer,
      clientId: values.clientId,
      ...(clientSecret ? { clientSecret } : {}),
      accountClaim: values.accountClaim,
      ...(values.label ? { label: values.label } : {}),
      allowInsecureHttp: isLocalHttp(values.issuer),
    };
    if (problems.length === 0) {
      const check = await checkOidcConfig(oidcOptionsSchema.parse({ ...input, scope: 'openid email profile' }));
      problems.push(...check.problems);
    }
    if (problems.length > 0) return render(request, reply, tenant, { values, problems });
    await saveStaffOidcConfig(deps, tenant.id, input);
    await writeStaffAudit(db, {
      actor: `staff:${staff.id}`,
      action: 'staff.oidc_config_saved',
      tenantId: tenant.id,
      details: { issuer: values.issuer },
    });
    return reply.redirect(`${path}?gespeichert=1`, 303);
  });
}
