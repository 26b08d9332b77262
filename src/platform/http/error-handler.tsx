import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';
import { scrubForLog } from '../logger.ts';
import { t } from '../render/i18n.ts';
import { Layout } from '../render/layout.tsx';
import { sendPage } from '../render/render.ts';

/** Errors that mean "the database is not reachable right now" → 503, not 500 (F-03). */
const unavailableCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  '57P01',
  '57P02',
  '57P03',
  '08006',
  '08001',
  '08003',
]);

export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const e = error as FastifyError & { code?: string; statusCode?: number };
  if (e?.code && unavailableCodes.has(e.code)) return new AppError('unavailable', undefined, { cause: error });
  if (e?.message?.includes('Connection terminated')) return new AppError('unavailable', undefined, { cause: error });
  if (e?.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || e?.statusCode === 413) return new AppError('payload_too_large');
  if (e?.validation) return new AppError('bad_request', 'Die Anfrage enthält ungültige Werte.');
  if (e?.statusCode === 404) return new AppError('not_found');
  if (e?.statusCode && e.statusCode >= 400 && e.statusCode < 500) return new AppError('bad_request');
  return new AppError('internal', undefined, { cause: error });
}

function ErrorPage({ request, error }: { request: FastifyRequest; error: AppError }) {
  const ctx = request.pageContext();
  const tenant = request.branding;
  const home = tenant ? `/${tenant.slug}` : '/';
  return (
    <Layout ctx={ctx} title={error.title} tenant={tenant}>
      <h1 class="kern-heading-large">{error.title}</h1>
      <p class="kern-body">{error.detail}</p>
      {error.code === 'not_found' && (
        <p class="kern-body">
          Vielleicht finden Sie, was Sie suchen, über die Suche im Serviceportal. Prüfen Sie auch, ob die Adresse
          richtig geschrieben ist.
        </p>
      )}
      <p>
        <a class="kern-link" href={home}>
          {t(ctx.lang, 'backTo')}
        </a>
      </p>
    </Layout>
  );
}

function sendError(request: FastifyRequest, reply: FastifyReply, error: AppError) {
  reply.headers(error.headers);
  if (request.url.startsWith('/api/')) {
    return reply
      .status(error.status)
      .type('application/problem+json')
      .send({
        type: `urn:sac:problem:${error.code}`,
        title: error.title,
        status: error.status,
        detail: error.detail,
        instance: request.url.split('?')[0],
      });
  }
  return sendPage(reply, <ErrorPage request={request} error={error} />, error.status);
}

/** The one error handler: German pages for people, RFC 7807 problems under /api. Never a stack trace. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    const appError = toAppError(error);
    if (appError.status >= 500) {
      const cause = (appError.cause ?? error) as { code?: string; message?: string; stack?: string };
      // Log the code, message and stack, never request bodies or database `detail` (may hold personal data).
      request.log.error(
        { err: { code: cause?.code, message: scrubForLog(cause?.message), stack: scrubForLog(cause?.stack) } },
        'request failed',
      );
    }
    return sendError(request, reply, appError);
  });
  app.setNotFoundHandler((request, reply) => sendError(request, reply, new AppError('not_found')));
}
