import { sql } from 'kysely';
import { Counter, Gauge, type Registry } from 'prom-client';
import { allTenants } from '../../../platform/db/scope.ts';
import type { Deps } from '../../../platform/deps.ts';

/** Failed delivery attempts by connector and kind (retryable / permanent), counted by this process's worker. */
export const deliveryFailures = new Counter({
  name: 'sac_delivery_failures_total',
  help: 'Failed delivery attempts by connector and kind (retryable, permanent)',
  labelNames: ['connector', 'kind'],
  registers: [],
});

/** Queue depth and age of the oldest open delivery per connector, read from the database on each scrape. */
export function registerDeliveryMetrics(registry: Registry, deps: Deps): void {
  if (!registry.getSingleMetric('sac_delivery_failures_total')) registry.registerMetric(deliveryFailures);
  const oldest = new Gauge({
    name: 'sac_delivery_oldest_pending_age_seconds',
    help: 'Age of the oldest delivery not yet delivered (pending, in progress or failed), by connector',
    labelNames: ['connector'],
    registers: [registry],
  });
  new Gauge({
    name: 'sac_deliveries',
    help: 'Deliveries not yet delivered, by connector and state (pending, in_progress, failed = queue; dead)',
    labelNames: ['connector', 'state'],
    registers: [registry],
    async collect() {
      const rows = await deps.database.db
        .selectFrom('deliveries')
        .select(['connector_id', 'state', sql<string>`count(*)`.as('n'), sql<Date>`min(created_at)`.as('oldest')])
        .where('state', '<>', 'delivered')
        .groupBy(['connector_id', 'state'])
        .modifyEnd(allTenants)
        .execute();
      this.reset();
      oldest.reset();
      const now = deps.clock.now().getTime();
      const oldestBy = new Map<string, number>();
      for (const r of rows) {
        this.set({ connector: r.connector_id, state: r.state }, Number(r.n));
        if (r.state === 'dead') continue;
        const age = Math.max(0, Math.round((now - new Date(r.oldest).getTime()) / 1000));
        oldestBy.set(r.connector_id, Math.max(oldestBy.get(r.connector_id) ?? 0, age));
      }
      for (const [connector, age] of oldestBy) oldest.set({ connector }, age);
    },
  });
}
