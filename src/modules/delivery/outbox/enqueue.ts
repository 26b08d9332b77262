import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { scoped } from '../../../platform/db/scope.ts';
import type { Deps } from '../../../platform/deps.ts';
import { enqueue } from '../../../platform/jobs/index.ts';
import type { TransitionHook } from '../../submissions/lifecycle/hooks.ts';
import { enabledRoutes } from '../routes-config/repo.ts';

export const DELIVERY_JOB = 'delivery.send';
/** 1 min, 5 min, 30 min, 2 h, 12 h, then daily: ten attempts span about four and a half days. */
export const DELIVERY_MAX_ATTEMPTS = 10;

export interface DeliveryJobPayload {
  tenantId: string;
  deliveryId: string;
}

/** Enqueues the job of one delivery (also used by the operator's manual retry when the job is gone). */
export async function enqueueDeliveryJob(trx: Transaction<DB>, deps: Deps, tenantId: string, deliveryId: string) {
  const job = await enqueue(trx, {
    kind: DELIVERY_JOB,
    payload: { tenantId, deliveryId } satisfies DeliveryJobPayload,
    tenantId,
    maxAttempts: DELIVERY_MAX_ATTEMPTS,
    dedupeKey: `${DELIVERY_JOB}:${deliveryId}`,
    now: deps.clock.now(),
  });
  await scoped(trx, tenantId)
    .updateTable('deliveries')
    .set({ job_id: String(job.id) })
    .where('id', '=', deliveryId)
    .execute();
  return job;
}

/**
 * Creates one pending delivery per enabled route of the submission's offering and one `delivery.send` job
 * each, in the caller's transaction (the one that releases the submission): they exist exactly when the
 * release is committed. Without a route the submission stays `ready_for_delivery` and the operator is
 * warned (audit event and log, ids only). Returns the number of deliveries created.
 */
export async function enqueueDeliveries(
  trx: Transaction<DB>,
  deps: Deps,
  tenantId: string,
  submissionId: string,
): Promise<number> {
  const submission = await scoped(trx, tenantId)
    .selectFrom('submissions')
    .select(['offering_id'])
    .where('id', '=', submissionId)
    .executeTakeFirst();
  const routes = submission?.offering_id ? await enabledRoutes(deps, trx, tenantId, submission.offering_id) : [];
  if (routes.length === 0) {
    deps.log.warn(
      { tenantId, submissionId, offeringId: submission?.offering_id ?? null },
      'submission ready for delivery but its offering has no enabled delivery route',
    );
    await trx
      .insertInto('audit_events')
      .values({
        tenant_id: tenantId,
        at: deps.clock.now(),
        actor: 'system',
        action: 'delivery.no_route',
        object_type: 'submission',
        object_id: submissionId,
        details: JSON.stringify({ offeringId: submission?.offering_id ?? null }),
      })
      .execute();
    return 0;
  }
  const now = deps.clock.now();
  for (const route of routes) {
    const id = randomUUID();
    const inserted = await scoped(trx, tenantId)
      .insertInto('deliveries', {
        id,
        submission_id: submissionId,
        route_id: route.id,
        connector_id: route.connectorId,
        last_error: null,
        receipt: null,
        job_id: null,
        created_at: now,
        updated_at: now,
        delivered_at: null,
      })
      .onConflict((oc) => oc.columns(['submission_id', 'route_id']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (inserted) await enqueueDeliveryJob(trx, deps, tenantId, id);
  }
  return routes.length;
}

/** The transition hook (registered in submissions/lifecycle/hooks.ts). */
export const enqueueDeliveriesHook: TransitionHook = async (trx, deps, event) => {
  if (event.to !== 'ready_for_delivery') return;
  await enqueueDeliveries(trx, deps, event.tenantId, event.submissionId);
};
