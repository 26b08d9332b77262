import type { Deps } from '../../platform/deps.ts';
import type { AnyIdentityProvider, createIdentityRegistry, ProviderInstance } from './registry.ts';

export type IdentityRegistry = ReturnType<typeof createIdentityRegistry>;

/** A provider configuration as an operator writes it (before encryption). */
export interface ProviderConfigInput {
  key: string;
  /** Null or absent: offered in every tenant's portal. */
  tenantId?: string | null;
  pluginId: string;
  label: string;
  options: unknown;
  sortOrder?: number;
}

const aad = (key: string) => `identity-provider:${key}`;

export class ProviderConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Ungültige Konfiguration des Anmeldedienstes: ${problems.join('; ')}`);
  }
}

/** Validates options with the plug-in's schema and stores them encrypted (insert or replace). */
export async function saveProviderConfig(
  deps: Deps,
  registry: IdentityRegistry,
  input: ProviderConfigInput,
): Promise<void> {
  const parsed = registry.parseOptions(input.pluginId, input.options);
  if (!parsed.ok) throw new ProviderConfigError(parsed.problems);
  const row = {
    key: input.key,
    tenant_id: input.tenantId ?? null,
    plugin_id: input.pluginId,
    label: input.label,
    options_encrypted: deps.cipher.encryptJson(input.options, aad(input.key)),
    sort_order: input.sortOrder ?? 0,
  };
  await deps.database.db
    .insertInto('identity_providers')
    .values(row)
    .onConflict((oc) => oc.column('key').doUpdateSet(row))
    .execute();
}

/**
 * The providers offered to citizens of a tenant (or all, for `tenantId === undefined`): stored rows
 * plus, in demo mode, the built-in ones. Rows whose plug-in is unknown or whose options no longer
 * validate are skipped (and logged), so that one broken entry does not block every login.
 */
export async function listProviderInstances(
  deps: Deps,
  registry: IdentityRegistry,
  builtIn: ProviderInstance[],
  tenantId?: string | null,
): Promise<ProviderInstance[]> {
  let query = deps.database.db.selectFrom('identity_providers').selectAll().where('enabled', '=', true);
  if (tenantId !== undefined)
    query = query.where((eb) =>
      eb.or([eb('tenant_id', 'is', null), ...(tenantId ? [eb('tenant_id', '=', tenantId)] : [])]),
    );
  const rows = await query.orderBy('sort_order').orderBy('key').execute();
  const instances: ProviderInstance[] = [];
  for (const row of rows) {
    if (!registry.has(row.plugin_id)) {
      deps.log.warn({ provider: row.key, plugin: row.plugin_id }, 'identity provider plug-in not available');
      continue;
    }
    const parsed = registry.parseOptions(row.plugin_id, deps.cipher.decryptJson(row.options_encrypted, aad(row.key)));
    if (!parsed.ok) {
      deps.log.warn({ provider: row.key, problems: parsed.problems.length }, 'identity provider options invalid');
      continue;
    }
    const plugin: AnyIdentityProvider = registry.get(row.plugin_id);
    instances.push({ key: row.key, label: row.label, plugin, options: parsed.options });
  }
  const stored = new Set(instances.map((i) => i.key));
  return [...builtIn.filter((b) => !stored.has(b.key)), ...instances];
}
