import type {
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from 'kysely';
import { tenantTables } from './schema.ts';

/** Marker a query adds (via `allTenants()`) when it deliberately spans every tenant (operator views). */
export const ALL_TENANTS_MARKER = '/* sac:all-tenants */';

/**
 * Refuses at run time any query that touches a tenant-owned table without a `tenant_id` condition.
 * Together with the typed `scoped()` helper this makes "forgot the tenant" a failing test, not a leak.
 */
export class TenantGuardPlugin implements KyselyPlugin {
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    checkTenantScope(args.node);
    return args.node;
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}

export class TenantScopeError extends Error {}

export function checkTenantScope(node: RootOperationNode): void {
  if (node.kind === 'RawNode' || node.kind === 'CreateTableNode' || node.kind === 'DropTableNode') return;
  const text = JSON.stringify(node);
  const touched = [
    ...text.matchAll(
      /"kind":"TableNode","table":\{"kind":"SchemableIdentifierNode",(?:"schema":[^}]*,)?"identifier":\{"kind":"IdentifierNode","name":"([a-z_]+)"\}/g,
    ),
  ]
    .map((m) => m[1]!)
    .filter((t) => tenantTables.has(t));
  if (touched.length === 0) return;
  if (text.includes(ALL_TENANTS_MARKER)) return;
  if (conditionText(node).includes('"name":"tenant_id"')) return;
  throw new TenantScopeError(`Query on tenant-owned table "${touched[0]}" has no tenant_id condition`);
}

/** The parts of a query where a tenant condition counts: WHERE, JOIN … ON, and INSERT columns. */
function conditionText(node: RootOperationNode): string {
  const n = node as unknown as { where?: unknown; joins?: Array<{ on?: unknown }>; columns?: unknown; kind: string };
  const parts: unknown[] = [n.where, ...(n.joins ?? []).map((j) => j.on)];
  if (n.kind === 'InsertQueryNode') parts.push(n.columns);
  return JSON.stringify(parts);
}
