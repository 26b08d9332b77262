import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../platform/deps.ts';
import { notFound } from '../../../platform/errors.ts';
import { sendPage } from '../../../platform/render/render.ts';
import { findPublishedDefinition } from '../../forms/assistants-store/repo.ts';
import { type FeeResult, localize } from '../../forms/engine/index.ts';
import { contentLanguage, openOffering } from '../../forms/web/open-application.ts';
import { mayViewReceipt } from '../../forms/web/receipt-access.ts';
import { receiptUrl } from '../../forms/web/urls.ts';
import { isReferenceShaped } from '../../submissions/reference-number.ts';
import type { PaymentOutcome } from '../ops/apply-status.ts';
import { payableStates, startPayment } from '../ops/start-payment.ts';
import { syncPayment } from '../ops/sync-payment.ts';
import type { PaymentRegistry } from '../provider.ts';
import { findCurrentPayment, findOpenPayment, findPayableSubmission } from '../repo.ts';
import { findTenantProvider } from '../settings.ts';
import { paymentUrl } from '../urls.ts';
import { PaymentClosedPage, PaymentHelpPage, type PaymentNotice, PaymentPage } from './views/payment-page.tsx';

type Params = { tenant: string; assistant: string; reference: string };

/** Forms that post to the provider's pay page need its origin in the CSP's form-action (redirect target). */
export const payPageOrigins = new WeakMap<FastifyRequest, string>();

/** The citizen's payment step: page, "Bezahlen" (POST), and the return from the provider. */
export function registerPaymentCitizenRoutes(app: FastifyInstance, deps: Deps, registry: PaymentRegistry): void {
  app.addHook('onSend', async (request, reply) => {
    const origin = payPageOrigins.get(request);
    const csp = reply.getHeader('content-security-policy');
    if (origin && typeof csp === 'string' && !csp.includes(` ${origin}`))
      reply.header('content-security-policy', csp.replace("form-action 'self'", `form-action 'self' ${origin}`));
  });

  /** The submission of this tenant and assistant that this session submitted; everything else is 404. */
  async function open(request: FastifyRequest<{ Params: Params }>) {
    const { tenant } = await openOffering(deps, request, request.params.tenant, request.params.assistant);
    const reference = request.params.reference;
    if (!isReferenceShaped(reference) || !mayViewReceipt(await request.existingSession(), reference)) throw notFound();
    const submission = await findPayableSubmission(deps.database.db, tenant.id, reference);
    if (!submission || submission.assistant_id !== request.params.assistant) throw notFound();
    const def = await findPublishedDefinition(deps.database, submission.assistant_id, submission.assistant_version);
    if (!def) throw notFound();
    const fees = (typeof submission.fees === 'string' ? JSON.parse(submission.fees) : submission.fees) as FeeResult;
    const title = localize(def.title, contentLanguage(request, def));
    const provider = await findTenantProvider(deps, registry, tenant.id);
    if (provider) payPageOrigins.set(request, provider.plugin.payPageOrigin(provider.options));
    return { tenant, submission, fees, title };
  }

  type Opened = Awaited<ReturnType<typeof open>>;
  const receiptOf = (o: Opened) => receiptUrl(o.tenant.slug, o.submission.assistant_id, o.submission.reference);
  const pageOf = (o: Opened) => paymentUrl(o.tenant.slug, o.submission.assistant_id, o.submission.reference);

  async function render(
    request: FastifyRequest,
    reply: FastifyReply,
    o: Opened,
    notice: PaymentNotice,
    status = 200,
  ): Promise<FastifyReply> {
    reply.header('cache-control', 'no-store');
    return sendPage(
      reply,
      <PaymentPage
        ctx={request.pageContext()}
        branding={request.branding!}
        assistantTitle={o.title}
        reference={o.submission.reference}
        fees={o.fees}
        notice={notice}
        action={pageOf(o)}
        csrf={await request.csrfToken()}
        receiptHref={receiptOf(o)}
      />,
      status,
    );
  }

  async function help(request: FastifyRequest, reply: FastifyReply, o: Opened) {
    const payment = await findCurrentPayment(deps.database.db, o.tenant.id, o.submission.id);
    reply.header('cache-control', 'no-store');
    return sendPage(
      reply,
      <PaymentHelpPage
        ctx={request.pageContext()}
        branding={request.branding!}
        reference={o.submission.reference}
        transactionReference={payment?.transaction_reference ?? null}
        amountCents={payment?.amount_cents ?? o.fees.totalCents}
      />,
    );
  }

  /** What the page shows for the submission's current state; `null` = go to the receipt. */
  async function show(request: FastifyRequest, reply: FastifyReply, o: Opened, outcome?: PaymentOutcome) {
    const state = o.submission.state;
    const current = await findCurrentPayment(deps.database.db, o.tenant.id, o.submission.id);
    // F-11: money taken, submission not released.
    if (outcome === 'alert' || (current?.status === 'paid' && (payableStates.includes(state) || state === 'expired')))
      return help(request, reply, o);
    if (!payableStates.includes(state)) {
      if (state === 'expired' || state === 'withdrawn')
        return sendPage(
          reply.header('cache-control', 'no-store'),
          <PaymentClosedPage
            ctx={request.pageContext()}
            branding={request.branding!}
            assistantTitle={o.title}
            reference={o.submission.reference}
            expired={state === 'expired'}
          />,
          410,
        );
      return reply.redirect(receiptOf(o), 303);
    }
    if (state === 'payment_failed') return render(request, reply, o, 'failed');
    if (state === 'payment_cancelled') return render(request, reply, o, 'cancelled');
    if (outcome === 'pending') return render(request, reply, o, 'pending');
    if (current?.status === 'pending') return render(request, reply, o, 'open');
    return render(request, reply, o, 'due');
  }

  const base = '/:tenant/antrag/:assistant/zahlung/:reference';

  app.get<{ Params: Params }>(base, async (request, reply) => show(request, reply, await open(request)));

  app.post<{ Params: Params }>(base, async (request, reply) => {
    const o = await open(request);
    const result = await startPayment(deps, registry, {
      tenant: o.tenant,
      submission: o.submission,
      description: `${o.title} – ${o.tenant.name}`,
    });
    switch (result.kind) {
      case 'redirect':
        return reply.redirect(result.url, 303);
      case 'providerError':
        return render(request, reply, o, 'providerError', 503);
      case 'busy':
        return render(request, reply, o, 'busy', 409);
      case 'settled':
      case 'closed': {
        const fresh = await findPayableSubmission(deps.database.db, o.tenant.id, o.submission.reference);
        const outcome = result.kind === 'settled' ? result.outcome : undefined;
        return show(request, reply, { ...o, submission: fresh ?? o.submission }, outcome);
      }
    }
  });

  // The way back from the provider. Nothing in the URL is trusted: the status is queried from the provider.
  app.get<{ Params: Params }>(`${base}/zurueck`, async (request, reply) => {
    const o = await open(request);
    const payment =
      (await findOpenPayment(deps.database.db, o.tenant.id, o.submission.id)) ??
      (await findCurrentPayment(deps.database.db, o.tenant.id, o.submission.id));
    let outcome: PaymentOutcome | undefined;
    if (payment) {
      try {
        outcome = await syncPayment(deps, registry, payment, 'return');
      } catch (error) {
        deps.log.warn(
          { paymentId: payment.id, code: (error as { code?: string }).code },
          'payment: status query failed',
        );
        outcome = payment.status === 'pending' ? 'pending' : undefined;
      }
    }
    if (outcome === 'paid') return reply.redirect(receiptOf(o), 303);
    if (outcome === 'alert') return help(request, reply, o);
    const fresh = await findPayableSubmission(deps.database.db, o.tenant.id, o.submission.reference);
    return show(request, reply, { ...o, submission: fresh ?? o.submission }, outcome);
  });
}
