import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { scoped } from '../../../platform/db/scope.ts';
import type { Deps } from '../../../platform/deps.ts';
import { connectorRegistry } from '../registry.ts';
import { listRoutes, saveRoute } from '../routes-config/repo.ts';
import { createClient, hashClientSecret } from './credentials.ts';
import { createDestination } from './destinations.ts';
import { FIT_API_PREFIX } from './routes.ts';

/** Fixed demo credentials (demo mode only): the demo Fachverfahren reads them from the data directory. */
export const demoFit = {
  destinationId: '5a1d2c3e-4f50-4a6b-8c7d-9e0f1a2b3c4d',
  clientId: 'demo-standesamt-magdeburg',
  clientSecret: 'demo-only-standesamt-magdeburg-not-a-secret',
  tenantSlug: 'magdeburg',
} as const;

/** Where the demo seed leaves the credentials for `examples/fachverfahren`. */
export const demoFachverfahrenDir = (dataDir: string) => path.join(dataDir, 'fachverfahren');

/**
 * Demo seed: a FIT destination "Standesamt Magdeburg" with a client (subscribe + feedback) whose known
 * credentials are written to `{SAC_DATA_DIR}/fachverfahren/sac-credentials.json`, and a FIT route for every
 * Magdeburg offering with an assistant (the certificate orders first of all). Idempotent.
 */
export async function seedDemoFit(deps: Deps, tenantIds: Map<string, string>): Promise<void> {
  const tenantId = tenantIds.get(demoFit.tenantSlug);
  if (!tenantId) return;
  const db = deps.database.db;
  const now = deps.clock.now();
  const s = scoped(db, tenantId);
  const destination = await s
    .selectFrom('fit_destinations')
    .select('id')
    .where('id', '=', demoFit.destinationId)
    .executeTakeFirst();
  if (!destination) {
    await createDestination(db, {
      tenantId,
      name: 'Standesamt Magdeburg (Demo-Fachverfahren)',
      now,
      id: demoFit.destinationId,
    });
  }
  const client = await s
    .selectFrom('fit_clients')
    .select('client_id')
    .where('client_id', '=', demoFit.clientId)
    .executeTakeFirst();
  if (client) {
    await s
      .updateTable('fit_clients')
      .set({ secret_hash: hashClientSecret(demoFit.clientSecret), revoked_at: null })
      .where('client_id', '=', demoFit.clientId)
      .execute();
  } else {
    await createClient(db, {
      tenantId,
      destinationId: demoFit.destinationId,
      scopes: ['subscribe', 'feedback'],
      label: 'Demo-Fachverfahren Standesamt',
      now,
      credentials: { clientId: demoFit.clientId, clientSecret: demoFit.clientSecret },
    });
  }

  if (connectorRegistry(deps).has('fit-connect')) {
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
          options: { destinationId: demoFit.destinationId },
        },
        { skipCheck: true },
      );
    }
  } else {
    deps.log.warn('fit-connect connector is not registered: no demo FIT routes');
  }

  const dir = demoFachverfahrenDir(deps.config.dataDir);
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    path.join(dir, 'sac-credentials.json'),
    JSON.stringify(
      {
        apiUrl: `${FIT_API_PREFIX}`,
        feedbackUrl: '/api/v1/feedback',
        destinationId: demoFit.destinationId,
        clientId: demoFit.clientId,
        clientSecret: demoFit.clientSecret,
      },
      null,
      2,
    ),
    { mode: 0o600 },
  );
}
