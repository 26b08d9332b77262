import { scoped } from '../../../platform/db/scope.ts';
import type { Deps } from '../../../platform/deps.ts';
import {
  type Backoff,
  type BackoffOptions,
  defineJob,
  describeError,
  type JobDefinition,
  PermanentJobError,
} from '../../../platform/jobs/index.ts';
import { transition } from '../../submissions/lifecycle/transition.ts';
import { connectorRegistry } from '../registry.ts';
import { findRoute } from '../routes-config/repo.ts';
import { buildDeliveryPayload } from './build-payload.ts';
import { DeliveryAttemptError } from './delivery-error.ts';
import { DELIVERY_JOB, DELIVERY_MAX_ATTEMPTS, type DeliveryJobPayload } from './enqueue.ts';
import { deliveryFailures } from './metrics.ts';
import type { DeliveryState } from './tables.ts';

const reasonOf = (error: unknown) =>
  error instanceof DeliveryAttemptError ? error.message.slice(0, 1000) : describeError(error);

/**
 * The outbox worker's job: delivers one delivery through its route's connector. At least once inside,
 * once from the outside: the delivery id is the idempotency key every connector passes on. A 2xx-like
 * success marks it delivered and moves the submission `ready_for_delivery → delivered` (first route wins);
 * a permanent failure (4xx, bad config, SSRF refusal) makes it dead at once; the rest retries with the
 * platform backoff (1 min, 5 min, 30 min, 2 h, 12 h, then daily, ten attempts).
 */
export function createDeliveryJob(
  deps: Deps,
  options: { backoff?: Backoff | BackoffOptions } = {},
): JobDefinition<DeliveryJobPayload> {
  return defineJob<DeliveryJobPayload>(
    DELIVERY_JOB,
    async (payload, { job, signal }) => {
      const db = deps.database.db;
      const deliveries = () =>
        scoped(db, payload.tenantId).updateTable('deliveries').where('id', '=', payload.deliveryId);
      const delivery = await scoped(db, payload.tenantId)
        .selectFrom('deliveries')
        .selectAll()
        .where('id', '=', payload.deliveryId)
        .executeTakeFirst();
      if (!delivery) throw new PermanentJobError('delivery not found');
      const setState = (state: DeliveryState, lastError: string | null) =>
        deliveries()
          .set({ state, last_error: lastError, attempts: job.attempts, updated_at: deps.clock.now() })
          .execute();
      if (delivery.state === 'delivered') return;

      const registry = connectorRegistry(deps);
      const route = delivery.route_id ? await findRoute(deps, payload.tenantId, delivery.route_id) : undefined;
      if (!route || !registry.has(route.connectorId)) {
        const reason = route ? `Connector "${route.connectorId}" ist nicht verfügbar` : 'Übermittlungsweg gelöscht';
        await setState('dead', reason);
        throw new PermanentJobError(reason);
      }
      const connector = registry.get(route.connectorId);
      const parsed = registry.parseOptions(route.connectorId, route.options);
      if (!parsed.ok) {
        const reason = `Einstellungen ungültig: ${parsed.problems.join('; ')}`;
        await setState('dead', reason);
        throw new PermanentJobError(reason);
      }
      await setState('in_progress', delivery.last_error);

      let detail: string;
      try {
        const built = await buildDeliveryPayload(deps, {
          id: delivery.id,
          tenantId: payload.tenantId,
          submissionId: delivery.submission_id,
        });
        detail = (await connector.deliver(built, parsed.options, { signal })).detail;
      } catch (error) {
        const reason = reasonOf(error);
        const retry = connector.isRetryable(error) && job.attempts < job.maxAttempts;
        deliveryFailures.inc({ connector: route.connectorId, kind: retry ? 'retryable' : 'permanent' });
        await setState(retry ? 'failed' : 'dead', reason);
        deps.log.warn(
          { deliveryId: delivery.id, connector: route.connectorId, attempt: job.attempts, retry },
          'delivery attempt failed',
        );
        if (!retry) throw new PermanentJobError(reason);
        throw new DeliveryAttemptError(reason, true);
      }

      await db.transaction().execute(async (trx) => {
        const now = deps.clock.now();
        await scoped(trx, payload.tenantId)
          .updateTable('deliveries')
          .set({ state: 'delivered', receipt: detail, attempts: job.attempts, delivered_at: now, updated_at: now })
          .where('id', '=', delivery.id)
          .execute();
        // The first delivered route moves the submission on; later routes (or a submission already further
        // along, e.g. withdrawn) leave it as it is.
        await transition(trx, deps, {
          tenantId: payload.tenantId,
          submissionId: delivery.submission_id,
          to: 'delivered',
          from: ['ready_for_delivery'],
          actor: 'system',
          reason: `delivery:${route.connectorId}`,
        });
      });
      deps.log.info({ deliveryId: delivery.id, connector: route.connectorId, attempt: job.attempts }, 'delivered');
    },
    { maxAttempts: DELIVERY_MAX_ATTEMPTS, ...(options.backoff ? { backoff: options.backoff } : {}) },
  );
}
