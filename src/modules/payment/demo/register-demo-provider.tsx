import { randomUUID, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../platform/deps.ts';
import { guardedFetch } from '../../../platform/net/guarded-fetch.ts';
import { sendPage } from '../../../platform/render/render.ts';
import { signNotification } from '../notification-signature.ts';
import { outboundPolicy } from '../xbezahldienste/plugin.ts';
import { DemoCheckoutMessage, DemoCheckoutPage } from './checkout-views.tsx';
import { DemoPaymentStore, type DemoTransaction } from './demo-store.ts';

export interface DemoPaymentProviderOptions {
  /** Mount point, e.g. `/demo/zahlung`; the REST API is under `<basePath>/api/`. */
  basePath: string;
  clientId: string;
  clientSecret: string;
}

interface StoredRequest {
  grosAmount?: number;
  purpose?: string;
  redirectUrl?: string;
  items?: { description?: string; totalNetAmount?: number }[];
}

const same = (a: string, b: string) => {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
};

const toCents = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? Math.round(v * 100) : 0);

/**
 * A stand-in for an XBezahldienste provider (demo mode only), instantiable several times with different
 * credentials: the REST API (create transaction, status query; HTTP Basic auth), a pay page where the
 * tester chooses success, failure or cancel, and signed notifications (HMAC with timestamp) to the
 * `notificationUrl` the request named. It shares nothing with SAC but the database connection.
 */
export function registerDemoPaymentProvider(app: FastifyInstance, deps: Deps, opts: DemoPaymentProviderOptions): void {
  // Created per use: the provider may be registered before the database is known (tests mount a second one).
  const store = { get: () => new DemoPaymentStore(deps.database.db) };
  const api = `${opts.basePath}/api/paymenttransaction/:originatorId/:endpointId`;
  const checkoutPath = (id: string) => `${opts.basePath}/kasse/${encodeURIComponent(id)}`;

  function authorized(request: FastifyRequest): boolean {
    const header = request.headers.authorization ?? '';
    if (!header.startsWith('Basic ')) return false;
    const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
    return same(decoded, `${opts.clientId}:${opts.clientSecret}`);
  }

  const problem = (reply: FastifyReply, status: number, functionalCode: string) =>
    reply.status(status).type('application/json').send({ functionalCode });

  function view(tx: DemoTransaction) {
    const req = (typeof tx.request === 'string' ? JSON.parse(tx.request) : tx.request) as StoredRequest;
    return {
      paymentRequest: req,
      paymentInformation: {
        transactionId: tx.id,
        transactionUrl: `${deps.config.baseUrl}${opts.basePath}/api/paymenttransaction/${tx.originator_id}/${tx.endpoint_id}/${tx.id}`,
        transactionRedirectUrl: tx.status === 'INITIAL' ? `${deps.config.baseUrl}${checkoutPath(tx.id)}` : null,
        transactionReference: tx.transaction_reference,
        transactionTimestamp: tx.updated_at.toISOString(),
        paymentMethod: tx.status === 'PAYED' ? 'OTHER' : null,
        status: tx.status,
        statusDetail: null,
      },
    };
  }

  type ApiParams = { originatorId: string; endpointId: string };

  app.post<{ Params: ApiParams; Body: Record<string, unknown> }>(
    api,
    { config: { csrf: false } },
    async (request, reply) => {
      if (!authorized(request)) return problem(reply, 401, 'FORBIDDEN');
      const body = request.body ?? {};
      const requestId = typeof body.requestId === 'string' ? body.requestId : '';
      const amount = body.grosAmount;
      const redirectUrl = typeof body.redirectUrl === 'string' ? body.redirectUrl : '';
      if (!requestId || requestId.length > 36 || typeof amount !== 'number' || !(amount > 0) || !redirectUrl)
        return problem(reply, 400, 'VALIDATION_ERROR');
      const items = Array.isArray(body.items) ? (body.items as StoredRequest['items']) : [];
      const sum = (items ?? []).reduce((s, item) => s + toCents(item?.totalNetAmount), 0);
      if (sum !== toCents(amount)) return problem(reply, 400, 'CALCULATION_ERROR');
      const notifyUrl = typeof body.notificationUrl === 'string' ? body.notificationUrl : null;
      const tx = await store.get().create({
        originatorId: request.params.originatorId,
        endpointId: request.params.endpointId,
        requestId,
        request: body,
        notifyUrl,
        now: deps.clock.now(),
      });
      return reply.status(201).send(view(tx));
    },
  );

  app.get<{ Params: ApiParams & { transactionId: string } }>(`${api}/:transactionId`, async (request, reply) => {
    if (!authorized(request)) return problem(reply, 401, 'FORBIDDEN');
    const tx = await store.get().find(request.params.transactionId);
    if (!tx || tx.originator_id !== request.params.originatorId || tx.endpoint_id !== request.params.endpointId)
      return problem(reply, 404, 'NO_VALID_ORIGINATOR_OR_DESTINATION');
    return reply.send(view(tx));
  });

  app.get<{ Params: { id: string } }>(`${opts.basePath}/kasse/:id`, async (request, reply) => {
    reply.header('cache-control', 'no-store');
    const tx = await store.get().find(request.params.id);
    if (!tx)
      return sendPage(
        reply,
        <DemoCheckoutMessage title="Unbekannte Zahlung" text="Diese Zahlung gibt es nicht." />,
        404,
      );
    if (tx.status !== 'INITIAL')
      return sendPage(
        reply,
        <DemoCheckoutMessage title="Zahlung abgeschlossen" text="Diese Zahlung wurde bereits abgeschlossen." />,
        409,
      );
    const req = (typeof tx.request === 'string' ? JSON.parse(tx.request) : tx.request) as StoredRequest;
    return sendPage(
      reply,
      <DemoCheckoutPage
        action={checkoutPath(tx.id)}
        csrf={await request.csrfToken()}
        purpose={String(req.purpose ?? '')}
        amountCents={toCents(req.grosAmount)}
        items={(req.items ?? []).map((i) => ({
          description: String(i.description ?? ''),
          amountCents: toCents(i.totalNetAmount),
        }))}
      />,
    );
  });

  const outcomeStatus = { bezahlt: 'PAYED', fehlgeschlagen: 'FAILED', abgebrochen: 'CANCELED' } as const;

  app.post<{ Params: { id: string }; Body: Record<string, string | undefined> }>(
    `${opts.basePath}/kasse/:id`,
    async (request, reply) => {
      const choice = request.body?.ergebnis as keyof typeof outcomeStatus | undefined;
      const status = choice && Object.hasOwn(outcomeStatus, choice) ? outcomeStatus[choice] : undefined;
      const before = await store.get().find(request.params.id);
      if (!before || !status)
        return sendPage(
          reply,
          <DemoCheckoutMessage title="Ungültige Auswahl" text="Bitte wählen Sie ein Ergebnis." />,
          400,
        );
      const tx =
        (await store.get().finish(before.id, status, deps.clock.now())) ?? (await store.get().find(before.id))!;
      if (request.body?.benachrichtigen === 'ja' && tx.notify_url) await notify(tx);
      const req = (typeof tx.request === 'string' ? JSON.parse(tx.request) : tx.request) as StoredRequest;
      return reply.redirect(String(req.redirectUrl), 303);
    },
  );

  /** Pushes the new state to the portal, signed; failures are only logged (the portal also polls). */
  async function notify(tx: DemoTransaction): Promise<void> {
    const body = JSON.stringify({
      eventId: randomUUID(),
      transactionId: tx.id,
      status: tx.status,
      transactionReference: tx.transaction_reference,
      timestamp: deps.clock.now().toISOString(),
    });
    try {
      const res = await guardedFetch(
        tx.notify_url!,
        {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            ...signNotification(opts.clientSecret, body, deps.clock.now()),
          },
          body,
          signal: AbortSignal.timeout(5_000),
        },
        outboundPolicy(deps),
      );
      await res.body?.cancel();
      if (!res.ok) deps.log.warn({ status: res.status }, 'demo payment provider: notification not accepted');
    } catch (error) {
      deps.log.warn({ err: (error as Error).message }, 'demo payment provider: notification failed');
    }
  }
}
