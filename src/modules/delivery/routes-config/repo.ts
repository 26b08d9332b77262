import { randomUUID } from 'node:crypto';
import { type Executor, scoped } from '../../../platform/db/scope.ts';
import type { Deps } from '../../../platform/deps.ts';
import { connectorRegistry } from '../registry.ts';

/** A delivery route with its options decrypted (for the worker and the admin form — never for logs). */
export interface DeliveryRoute {
  id: string;
  tenantId: string;
  offeringId: string;
  connectorId: string;
  label: string;
  enabled: boolean;
  options: Record<string, unknown>;
}

export interface RouteListEntry extends DeliveryRoute {
  serviceName: string;
}

const optionsAad = (id: string) => `delivery-route:${id}`;

export type RouteRow = {
  id: string;
  tenant_id: string;
  offering_id: string;
  connector_id: string;
  label: string;
  enabled: boolean;
  options_enc: string;
};

/** A route from its stored row (options decrypted). */
export function toRoute(deps: Deps, row: RouteRow): DeliveryRoute {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    offeringId: row.offering_id,
    connectorId: row.connector_id,
    label: row.label,
    enabled: row.enabled,
    options: deps.cipher.decryptJson<Record<string, unknown>>(row.options_enc, optionsAad(row.id)),
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** All routes of a tenant with the service name of their offering, ordered by service and label. */
export async function listRoutes(deps: Deps, tenantId: string): Promise<RouteListEntry[]> {
  const rows = await scoped(deps.database.db, tenantId)
    .selectFrom('delivery_routes')
    .innerJoin('offerings', 'offerings.id', 'delivery_routes.offering_id')
    .innerJoin('services', 'services.id', 'offerings.service_id')
    .selectAll('delivery_routes')
    .select('services.name as service_name')
    .orderBy('services.name')
    .orderBy('delivery_routes.label')
    .execute();
  return rows.map((r) => ({ ...toRoute(deps, r), serviceName: r.service_name }));
}

export async function findRoute(deps: Deps, tenantId: string, id: string, db: Executor = deps.database.db) {
  if (!UUID.test(id)) return undefined;
  const row = await scoped(db, tenantId)
    .selectFrom('delivery_routes')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toRoute(deps, row) : undefined;
}

/** The enabled routes of an offering (inside the releasing transaction). */
export async function enabledRoutes(deps: Deps, db: Executor, tenantId: string, offeringId: string) {
  const rows = await scoped(db, tenantId)
    .selectFrom('delivery_routes')
    .selectAll()
    .where('offering_id', '=', offeringId)
    .where('enabled', '=', true)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => toRoute(deps, r));
}

export interface RouteInput {
  id?: string | undefined;
  offeringId: string;
  connectorId: string;
  label: string;
  enabled: boolean;
  options: Record<string, unknown>;
}

export type SaveRouteResult = { ok: true; id: string } | { ok: false; problems: string[] };

/**
 * Validates and stores a route: the offering must be the tenant's, the options must pass the connector's
 * schema and its `checkConfig` (the save-time SSRF check for webhook targets). Options are encrypted.
 * `skipCheck` exists for seeds and tests that need a route the check would refuse (call-time tests).
 */
export async function saveRoute(
  deps: Deps,
  tenantId: string,
  input: RouteInput,
  opts: { skipCheck?: boolean } = {},
): Promise<SaveRouteResult> {
  const registry = connectorRegistry(deps);
  if (!registry.has(input.connectorId)) return { ok: false, problems: ['Unbekannter Übermittlungsweg.'] };
  const offering = UUID.test(input.offeringId)
    ? await scoped(deps.database.db, tenantId)
        .selectFrom('offerings')
        .select('id')
        .where('id', '=', input.offeringId)
        .executeTakeFirst()
    : undefined;
  if (!offering) return { ok: false, problems: ['Bitte wählen Sie eine Leistung Ihrer Kommune.'] };
  const parsed = registry.parseOptions(input.connectorId, input.options);
  if (!parsed.ok) return parsed;
  if (!opts.skipCheck) {
    const check = await registry.get(input.connectorId).checkConfig(parsed.options);
    if (!check.ok) return { ok: false, problems: check.problems };
  }
  const db = scoped(deps.database.db, tenantId);
  const now = deps.clock.now();
  if (input.id) {
    const id = input.id;
    const updated = await db
      .updateTable('delivery_routes')
      .set({
        offering_id: input.offeringId,
        connector_id: input.connectorId,
        label: input.label,
        enabled: input.enabled,
        options_enc: deps.cipher.encryptJson(parsed.options, optionsAad(id)),
        updated_at: now,
      })
      .where('id', '=', id)
      .executeTakeFirst();
    if (updated.numUpdatedRows !== 1n) return { ok: false, problems: ['Der Übermittlungsweg existiert nicht mehr.'] };
    return { ok: true, id };
  }
  const id = randomUUID();
  await db
    .insertInto('delivery_routes', {
      id,
      offering_id: input.offeringId,
      connector_id: input.connectorId,
      label: input.label,
      enabled: input.enabled,
      options_enc: deps.cipher.encryptJson(parsed.options, optionsAad(id)),
      created_at: now,
      updated_at: now,
    })
    .execute();
  return { ok: true, id };
}
