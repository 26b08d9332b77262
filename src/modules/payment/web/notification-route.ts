import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../../platform/deps.ts';
import { findTenantBySlug } from '../../tenants/repo.ts';
import { handleNotification } from '../ops/handle-notification.ts';
import type { PaymentRegistry } from '../provider.ts';

/**
 * `POST /zahlung/benachrichtigung/{tenant}`: provider notifications. Authenticated by the provider's HMAC
 * (not by a session, hence no CSRF token); the body is kept as the exact bytes the signature covers.
 */
export function registerNotificationRoute(app: FastifyInstance, deps: Deps, registry: PaymentRegistry): void {
  app.register(async (scope) => {
    scope.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: 64 * 1024 }, (_req, body, done) =>
      done(null, body),
    );
    scope.post<{ Params: { tenant: string }; Body: string }>(
      '/zahlung/benachrichtigung/:tenant',
      { config: { csrf: false } },
      async (request, reply) => {
        const tenant = /^[a-z0-9][a-z0-9-]{1,62}$/.test(request.params.tenant)
          ? await findTenantBySlug(deps.database.db, request.params.tenant)
          : undefined;
        if (!tenant) return reply.status(404).send({ result: 'unknown tenant' });
        const rawBody = typeof request.body === 'string' ? request.body : '';
        const result = await handleNotification(deps, registry, {
          tenantId: tenant.id,
          headers: request.headers,
          rawBody,
        });
        return reply.status(result.status).header('cache-control', 'no-store').send({ result: result.result });
      },
    );
  });
}
