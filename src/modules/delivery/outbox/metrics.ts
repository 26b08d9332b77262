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

interface DepthRow {
  connector: string;
  state: string;
  count: number;
  oldest: Date;
}

async function readDepth(deps: Deps): Promise<DepthRow[]> {
  const rows = await deps.database.db
    .selectFrom('deliveries')
    .select(['connector_id', 'state', sql<string>`count(*)`.as('n'), sql<Date>`min(created_at)`.as('oldest')])
    .where('state', '<>', 'delivered')
    .groupBy(['connector_id', 'state'])
    .modifyEnd(allTenants)
    .execute();
  return rows.map((r) => ({
    connector: r.connector_id,
    state: r.state,
    count: Number(r.n),
    oldest: new Date(r.oldest),
  }));
}

/** Queue depth and age of the oldest open delivery per connector, read from the database on each scrape. */
export function registerDeliveryMetrics(registry: Registry, deps: Deps): void {
  if (!registry.getSingleMetric('sac_delivery_failures_total')) registry.registerMetric(deliveryFailures);
  new Gauge({
    name: 'sac_deliveries',
    help: 'Deliveries not yet delivered, by connector and state (pending, in_progress, failed = queue; dead)',
    labelNames: ['connector', 'state'],
    registers: [registry],
    async collect() {
      const rows = await readDepth(deps);
      this.reset();
      for (const r of rows) this.set({ connector: r.connector, state: r.state }, r.count);
    },
  });
  new Gauge({
    name: 'sac_delivery_oldest_pending_age_seconds',
    help: 'Age of the oldest delivery not yet delivered (pending, in progress or failed), by connector',
    labelNames: ['connector'],
    registers: [registry],
    async collect() {
      const rows = await readDepth(deps);
      const now = deps.clock.now().getTime();
      const oldest = new Map<string, number>();
      for (const r of rows) {
        if (r.state === 'dead') continue;
        const age = Math.max(0, Math.round((now - r.oldest.getTime()) / 1000));
        oldest.set(r.connector, Math.max(oldest.get(r.connector) ?? 0, age));
      }
      this.reset();
      for (const [connector, age] of oldest) this.set({ connector }, age);
    },
  });
}
