import type { FastifyInstance } from 'fastify';
import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { QueueDepth } from './jobs/index.ts';

export interface MetricsOptions {
  /** Job counts by state and the age of the oldest pending job (from the jobs module). */
  queueDepth: () => Promise<QueueDepth>;
}

/** Prometheus metrics: request latency by route, job queue depth by state, process defaults. */
export function registerMetrics(app: FastifyInstance, opts: MetricsOptions): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'sac_' });
  const latency = new Histogram({
    name: 'sac_http_request_duration_seconds',
    help: 'HTTP request latency by route',
    labelNames: ['method', 'route', 'status_code'],
    buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  new Gauge({
    name: 'sac_jobs',
    help: 'Durable jobs by state',
    labelNames: ['state'],
    registers: [registry],
    async collect() {
      const depth = await opts.queueDepth();
      this.reset();
      for (const [state, n] of Object.entries(depth.counts)) this.set({ state }, n);
      oldest.set(depth.oldestPendingAgeSeconds ?? 0);
    },
  });
  const oldest = new Gauge({
    name: 'sac_jobs_oldest_pending_age_seconds',
    help: 'Age of the oldest pending job (0 when none is pending)',
    registers: [registry],
  });

  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    latency.observe({ method: request.method, route, status_code: String(reply.statusCode) }, reply.elapsedTime / 1000);
  });
  app.get('/metrics', async (_request, reply) => {
    return reply.type(registry.contentType).send(await registry.metrics());
  });
  return registry;
}
