import { sql } from 'kysely';
import { scoped } from '../../../platform/db/scope.ts';
import type { Deps } from '../../../platform/deps.ts';
import {
  type Backoff,
  type BackoffOptions,
  defineJob,
  describeError,
  type JobDefinition,
  LeaseLostError,
  leaseHeld,
  PermanentJobError,
} from '../../../platform/jobs/index.ts';
import { transition } from '../../submissions/lifecycle/transition.ts';
import { connectorRegistry } from '../registry.ts';
import { type RouteRow, toRoute } from '../routes-config/repo.ts';
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
    async (payload, { job, signal, completeWith }) => {
      const db = deps.database.db;
      // Every write of this attempt is fenced by the job's lease: a worker whose lease expired and was taken
      // over cannot overwrite what the new owner records.
      const fence = leaseHeld(job);
      const setState = (state: DeliveryState, lastError: string | null) =>
        scoped(db, payload.tenantId)
          .updateTable('deliveries')
          .set({ state, last_error: lastError, attempts: job.attempts, updated_at: deps.clock.now() })
          .where('id', '=', payload.deliveryId)
          .where(fence)
          .execute();
      // One statement starts the attempt and reads the delivery with its route (the last error stays visible
      // meanwhile).
      const delivery = await scoped(db, payload.tenantId)
        .updateTable('deliveries')
        .set({ state: 'in_progress', attempts: job.attempts, updated_at: deps.clock.now() })
        .where('id', '=', payload.deliveryId)
        .where('state', '<>', 'delivered')
        .where(fence)
        .returning(['id', 'submission_id', 'route_id'])
        .returning(
          sql<RouteRow | string | null>`(select row_to_json(r) from delivery_routes r
            where r.id = deliveries.route_id and r.tenant_id = deliveries.tenant_id)`.as('route'),
        )
        .executeTakeFirst();
      if (!delivery) {
        const existing = await scoped(db, payload.tenantId)
          .selectFrom('deliveries')
          .select('state')
          .where('id', '=', payload.deliveryId)
          .executeTakeFirst();
        if (!existing) throw new PermanentJobError('delivery not found');
        if (existing.state === 'delivered') return;
        throw new LeaseLostError('job lease was taken over before the attempt started');
      }

      const registry = connectorRegistry(deps);
      const routeRow = typeof delivery.route === 'string' ? (JSON.parse(delivery.route) as RouteRow) : delivery.route;
      const route = routeRow ? toRoute(deps, routeRow) : undefined;
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

      // Delivered, the submission moved on and the job done: one transaction. Completing the job last
      // re-checks the lease under the job row's lock: a worker that lost it rolls all of this back.
      await db.transaction().execute(async (trx) => {
        const now = deps.clock.now();
        const marked = await scoped(trx, payload.tenantId)
          .updateTable('deliveries')
          .set({ state: 'delivered', receipt: detail, attempts: job.attempts, delivered_at: now, updated_at: now })
          .where('id', '=', delivery.id)
          .where(fence)
          .executeTakeFirst();
        if (marked.numUpdatedRows !== 1n) throw new LeaseLostError('job lease was taken over during the attempt');
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
        if (completeWith) await completeWith(trx);
      });
      deps.log.info({ deliveryId: delivery.id, connector: route.connectorId, attempt: job.attempts }, 'delivered');
    },
    { maxAttempts: DELIVERY_MAX_ATTEMPTS, ...(options.backoff ? { backoff: options.backoff } : {}) },
  );
}
