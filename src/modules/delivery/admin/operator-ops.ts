import { sql } from 'kysely';
import { allTenants, scoped } from '../../../platform/db/scope.ts';
import type { Deps } from '../../../platform/deps.ts';
import { rerunFinished } from '../../../platform/jobs/index.ts';
import { enqueueDeliveryJob } from '../outbox/enqueue.ts';
import type { DeliveryState } from '../outbox/tables.ts';

export interface DeliveryOverviewRow {
  id: string;
  tenantId: string;
  tenantSlug: string;
  tenantName: string;
  reference: string;
  connectorId: string;
  routeLabel: string | null;
  /** The delivery's state, `dead` also when its job died without the handler noticing (lease expired). */
  state: DeliveryState;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  nextAttemptAt: Date | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Deliveries that are not delivered (newest problems first), across tenants or for one: the operator's
 * delivery monitor. Nothing here is personal data: reference, connector, state, attempts, error excerpt.
 */
export async function listOpenDeliveries(
  deps: Deps,
  filter: { tenantId?: string | undefined } = {},
): Promise<DeliveryOverviewRow[]> {
  let query = deps.database.db
    .selectFrom('deliveries')
    .innerJoin('tenants', 'tenants.id', 'deliveries.tenant_id')
    .innerJoin('submissions', (j) =>
      j
        .onRef('submissions.id', '=', 'deliveries.submission_id')
        .onRef('submissions.tenant_id', '=', 'deliveries.tenant_id'),
    )
    .leftJoin('delivery_routes', 'delivery_routes.id', 'deliveries.route_id')
    .leftJoin('jobs', (j) => j.on(sql<boolean>`jobs.id = deliveries.job_id`))
    .select([
      'deliveries.id',
      'deliveries.tenant_id',
      'tenants.slug',
      'tenants.name',
      'submissions.reference',
      'deliveries.connector_id',
      'delivery_routes.label',
      'deliveries.state',
      'deliveries.attempts',
      'deliveries.last_error',
      'deliveries.created_at',
      'jobs.state as job_state',
      'jobs.run_at',
      'jobs.last_error as job_error',
    ])
    .where('deliveries.state', '<>', 'delivered')
    .orderBy(sql`case when deliveries.state = 'dead' or jobs.state = 'dead' then 0 else 1 end`)
    .orderBy('deliveries.created_at', 'desc')
    .limit(500);
  if (filter.tenantId) query = query.where('deliveries.tenant_id', '=', filter.tenantId);
  const rows = await query.modifyEnd(allTenants).execute();
  return rows.map((r) => {
    const dead = r.state === 'dead' || r.job_state === 'dead';
    return {
      id: r.id,
      tenantId: r.tenant_id,
      tenantSlug: r.slug,
      tenantName: r.name,
      reference: r.reference,
      connectorId: r.connector_id,
      routeLabel: r.label,
      state: dead ? 'dead' : r.state,
      attempts: r.attempts,
      lastError: r.last_error ?? (dead ? r.job_error : null),
      createdAt: new Date(r.created_at),
      nextAttemptAt: !dead && r.job_state === 'pending' && r.run_at ? new Date(r.run_at) : null,
    };
  });
}

export type RetryOutcome = 'retried' | 'not_dead' | 'not_found';

/**
 * "Erneut versuchen": a dead delivery gets a fresh set of attempts (its job back to pending, or a new job
 * when the old one is gone). Audited with the operator's id.
 */
export async function retryDelivery(deps: Deps, deliveryId: string, actor: string): Promise<RetryOutcome> {
  if (!UUID.test(deliveryId)) return 'not_found';
  return deps.database.db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('deliveries')
      .leftJoin('jobs', (j) => j.on(sql<boolean>`jobs.id = deliveries.job_id`))
      .select(['deliveries.tenant_id', 'deliveries.state', 'deliveries.job_id', 'jobs.state as job_state'])
      .where('deliveries.id', '=', deliveryId)
      .forUpdate('deliveries')
      .modifyEnd(allTenants)
      .executeTakeFirst();
    if (!row) return 'not_found';
    const dead = row.state === 'dead' || row.job_state === 'dead';
    if (!dead || row.state === 'delivered') return 'not_dead';
    const now = deps.clock.now();
    // The job is dead, or done when the delivery died later (a FIT submission nobody fetched in time); a new
    // job only when the old one is gone.
    const requeued =
      row.job_id !== null &&
      (row.job_state === 'dead' || row.job_state === 'done') &&
      (await rerunFinished(trx, Number(row.job_id), now));
    if (!requeued) await enqueueDeliveryJob(trx, deps, row.tenant_id, deliveryId);
    await scoped(trx, row.tenant_id)
      .updateTable('deliveries')
      .set({ state: 'pending', updated_at: now })
      .where('id', '=', deliveryId)
      .execute();
    await trx
      .insertInto('audit_events')
      .values({
        tenant_id: row.tenant_id,
        at: now,
        actor,
        action: 'delivery.retry',
        object_type: 'delivery',
        object_id: deliveryId,
        details: JSON.stringify({}),
      })
      .execute();
    return 'retried';
  });
}
