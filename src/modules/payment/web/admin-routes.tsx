import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Deps } from '../../../platform/deps.ts';
import { notFound } from '../../../platform/errors.ts';
import { sendPage } from '../../../platform/render/render.ts';
import { currentStaff, requireStaff } from '../../staff/access.ts';
import { findTenantBySlug } from '../../tenants/repo.ts';
import { listTenantPayments } from '../admin-repo.ts';
import { csvEuros, toCsv } from '../csv.ts';
import type { PaymentOutcome } from '../ops/apply-status.ts';
import { syncPayment } from '../ops/sync-payment.ts';
import type { PaymentRegistry } from '../provider.ts';
import { findPayment } from '../repo.ts';
import { adminPaymentsUrl } from '../urls.ts';
import { AdminPaymentsPage, dateTime, paymentStatusLabels } from './views/admin-payments-page.tsx';

type Params = { tenant: string };
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Payments in admin: list, CSV for the cash office, manual re-check. Tenant admins of that tenant and operators. */
export function registerPaymentAdminRoutes(app: FastifyInstance, deps: Deps, registry: PaymentRegistry): void {
  const db = deps.database.db;

  async function access(request: FastifyRequest<{ Params: Params }>) {
    const tenant = await findTenantBySlug(db, request.params.tenant);
    if (!tenant) throw notFound();
    const staff = await requireStaff(request, { tenantId: tenant.id, role: ['admin', 'operator'] });
    return { tenant, staff };
  }

  app.get<{ Params: Params; Querystring: { geprueft?: string } }>(
    '/admin/:tenant/zahlungen',
    async (request, reply) => {
      if (!(await currentStaff(request))) return reply.redirect('/backoffice/anmelden', 303);
      const { tenant } = await access(request);
      reply.header('cache-control', 'no-store');
      return sendPage(
        reply,
        <AdminPaymentsPage
          ctx={request.pageContext()}
          csrf={await request.csrfToken()}
          tenant={tenant}
          rows={await listTenantPayments(db, tenant.id)}
          checked={request.query.geprueft}
        />,
      );
    },
  );

  app.get<{ Params: Params }>('/admin/:tenant/zahlungen.csv', async (request, reply) => {
    const { tenant, staff } = await access(request);
    const rows = await listTenantPayments(db, tenant.id, 100_000);
    await db
      .insertInto('audit_events')
      .values({
        tenant_id: tenant.id,
        actor: `staff:${staff.id}`,
        action: 'payment.export',
        object_type: 'payments',
        details: JSON.stringify({ rows: rows.length }),
      })
      .execute();
    const csv = toCsv(
      [
        'Zeitpunkt',
        'Vorgangsnummer',
        'Versuch',
        'Status',
        'Betrag (EUR)',
        'Kassenzeichen',
        'Transaktions-ID',
        'Zahlungsdienst',
        'Bezahlt am',
        'Buchungsdaten',
      ],
      rows.map((r) => [
        dateTime.format(r.createdAt),
        r.reference,
        r.attempt,
        paymentStatusLabels[r.status],
        csvEuros(r.amountCents),
        r.transactionReference,
        r.transactionId,
        r.plugin,
        r.paidAt ? dateTime.format(r.paidAt) : null,
        Object.entries(r.bookingData)
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([k, v]) => `${k}=${v}`)
          .join(', '),
      ]),
    );
    const day = deps.clock.now().toISOString().slice(0, 10);
    return reply
      .header('cache-control', 'no-store')
      .header('content-disposition', `attachment; filename="zahlungen-${tenant.slug}-${day}.csv"`)
      .type('text/csv; charset=utf-8')
      .send(csv);
  });

  app.post<{ Params: Params & { paymentId: string } }>(
    '/admin/:tenant/zahlungen/:paymentId/pruefen',
    async (request, reply) => {
      const { tenant, staff } = await access(request);
      if (!uuid.test(request.params.paymentId)) throw notFound();
      const payment = await findPayment(db, tenant.id, request.params.paymentId);
      if (!payment) throw notFound();
      let outcome: PaymentOutcome | 'error';
      try {
        outcome = await syncPayment(deps, registry, payment, 'recheck');
      } catch (error) {
        deps.log.warn({ paymentId: payment.id, code: (error as { code?: string }).code }, 'payment re-check failed');
        outcome = 'error';
      }
      await db
        .insertInto('audit_events')
        .values({
          tenant_id: tenant.id,
          actor: `staff:${staff.id}`,
          action: 'payment.recheck',
          object_type: 'payment',
          object_id: payment.id,
          details: JSON.stringify({ outcome }),
        })
        .execute();
      return reply.redirect(`${adminPaymentsUrl(tenant.slug)}?geprueft=${outcome}`, 303);
    },
  );
}
