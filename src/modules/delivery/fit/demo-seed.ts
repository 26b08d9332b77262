import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { scoped } from '../../../platform/db/scope.ts';
import type { Deps } from '../../../platform/deps.ts';
import { connectorRegistry } from '../registry.ts';
import { listRoutes, saveRoute } from '../routes-config/repo.ts';
import { createClient, hashClientSecret } from './credentials.ts';
import { createDestination } from './destinations.ts';
import { FIT_API_PREFIX } from './routes.ts';

export interface DemoFitDestination {
  tenantSlug: string;
  /** Shown on the demo Fachverfahren's page. */
  tenantName: string;
  destinationId: string;
  clientId: string;
  clientSecret: string;
}

const demoDestination = (tenantSlug: string, tenantName: string, destinationId: string): DemoFitDestination => ({
  tenantSlug,
  tenantName,
  destinationId,
  clientId: `demo-standesamt-${tenantSlug}`,
  clientSecret: `demo-only-standesamt-${tenantSlug}-not-a-secret`,
});

/**
 * Fixed demo credentials (demo mode only), one destination and client per demo municipality: the demo
 * Fachverfahren reads them from the data directory and serves all of them with one key pair.
 */
export const demoFitDestinations: readonly DemoFitDestination[] = [
  demoDestination('magdeburg', 'Magdeburg', '5a1d2c3e-4f50-4a6b-8c7d-9e0f1a2b3c4d'),
  demoDestination('halberstadt', 'Halberstadt', '5a1d2c3e-4f50-4a6b-8c7d-9e0f1a2b3c4e'),
  demoDestination('unstruttal', 'Unstruttal', '5a1d2c3e-4f50-4a6b-8c7d-9e0f1a2b3c4f'),
  demoDestination('wernigerode', 'Wernigerode', '5a1d2c3e-4f50-4a6b-8c7d-9e0f1a2b3c50'),
];

/** The Magdeburg destination (kept under its old name). */
export const demoFit = demoFitDestinations[0]!;

/** Where the demo seed leaves the credentials for `examples/fachverfahren`. */
export const demoFachverfahrenDir = (dataDir: string) => path.join(dataDir, 'fachverfahren');

/**
 * Demo seed: per demo municipality a FIT destination "Standesamt … (Demo-Fachverfahren)" with a client
 * (subscribe + feedback) whose known credentials are written to `{SAC_DATA_DIR}/fachverfahren/sac-credentials.json`,
 * and a FIT route for every online offering of that municipality with an assistant. Idempotent.
 */
export async function seedDemoFit(deps: Deps, tenantIds: Map<string, string>): Promise<void> {
  const seeded: DemoFitDestination[] = [];
  const hasConnector = connectorRegistry(deps).has('fit-connect');
  if (!hasConnector) deps.log.warn('fit-connect connector is not registered: no demo FIT routes');
  for (const d of demoFitDestinations) {
    const tenantId = tenantIds.get(d.tenantSlug);
    if (!tenantId) continue;
    await seedDestination(deps, tenantId, d, hasConnector);
    seeded.push(d);
  }
  if (seeded.length === 0) return;

  const dir = demoFachverfahrenDir(deps.config.dataDir);
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    path.join(dir, 'sac-credentials.json'),
    JSON.stringify(
      {
        apiUrl: `${FIT_API_PREFIX}`,
        feedbackUrl: '/api/v1/feedback',
        destinations: seeded.map((d) => ({
          tenant: d.tenantSlug,
          tenantName: d.tenantName,
          destinationId: d.destinationId,
          clientId: d.clientId,
          clientSecret: d.clientSecret,
        })),
      },
      null,
      2,
    ),
    { mode: 0o600 },
  );
}

async function seedDestination(
  deps: Deps,
  tenantId: string,
  d: DemoFitDestination,
  withRoutes: boolean,
): Promise<void> {
  const db = deps.database.db;
  const now = deps.clock.now();
  const s = scoped(db, tenantId);
  const destination = await s
    .selectFrom('fit_destinations')
    .select('id')
    .where('id', '=', d.destinationId)
    .executeTakeFirst();
  if (!destination) {
    await createDestination(db, {
      tenantId,
      name: `Standesamt ${d.tenantName} (Demo-Fachverfahren)`,
      now,
      id: d.destinationId,
    });
  }
  const client = await s
    .selectFrom('fit_clients')
    .select('client_id')
    .where('client_id', '=', d.clientId)
    .executeTakeFirst();
  if (client) {
    await s
      .updateTable('fit_clients')
      .set({ secret_hash: hashClientSecret(d.clientSecret), revoked_at: null })
      .where('client_id', '=', d.clientId)
      .execute();
  } else {
    await createClient(db, {
      tenantId,
      destinationId: d.destinationId,
      scopes: ['subscribe', 'feedback'],
      label: `Demo-Fachverfahren Standesamt ${d.tenantName}`,
      now,
      credentials: { clientId: d.clientId, clientSecret: d.clientSecret },
    });
  }
  if (!withRoutes) return;
  const existing = new Set(
    (await listRoutes(deps, tenantId)).filter((r) => r.connectorId === 'fit-connect').map((r) => r.offeringId),
  );
  const offerings = await s
    .selectFrom('offerings')
    .select('id')
    .where('assistant_id', 'is not', null)
    .where('online', '=', true)
    .execute();
  for (const o of offerings) {
    if (existing.has(o.id)) continue;
    await saveRoute(
      deps,
      tenantId,
      {
        offeringId: o.id,
        connectorId: 'fit-connect',
        label: 'Demo-Fachverfahren (FIT-Connect)',
        enabled: true,
        options: { destinationId: d.destinationId },
      },
      { skipCheck: true },
    );
  }
}
