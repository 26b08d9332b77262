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
  const facts = { tenantTable: undefined as string | undefined, allTenants: false };
  walk(node, facts);
  if (!facts.tenantTable || facts.allTenants) return;
  if (namesTenantId(conditionParts(node))) return;
  throw new TenantScopeError(`Query on tenant-owned table "${facts.tenantTable}" has no tenant_id condition`);
}

type AnyNode = { kind?: string; [key: string]: unknown };

/** One pass over the query tree: the first tenant-owned table it touches, and the all-tenants marker. */
function walk(value: unknown, facts: { tenantTable: string | undefined; allTenants: boolean }): void {
  if (Array.isArray(value)) {
    for (const item of value) walk(item, facts);
    return;
  }
  if (!value || typeof value !== 'object') return;
  const node = value as AnyNode;
  if (node.kind === 'TableNode') {
    const name = ((node.table as AnyNode)?.identifier as AnyNode)?.name;
    if (typeof name === 'string' && tenantTables.has(name)) facts.tenantTable ??= name;
    return;
  }
  if (
    node.kind === 'RawNode' &&
    (node.sqlFragments as string[] | undefined)?.some((f) => f.includes(ALL_TENANTS_MARKER))
  ) {
    facts.allTenants = true;
    return;
  }
  for (const key in node) if (key !== 'kind') walk(node[key], facts);
}

/** The parts of a query where a tenant condition counts: WHERE, JOIN … ON, and INSERT columns. */
function conditionParts(node: RootOperationNode): unknown[] {
  const n = node as unknown as { where?: unknown; joins?: Array<{ on?: unknown }>; columns?: unknown; kind: string };
  const parts: unknown[] = [n.where, ...(n.joins ?? []).map((j) => j.on)];
  if (n.kind === 'InsertQueryNode') parts.push(n.columns);
  return parts;
}

/** True when a `tenant_id` column reference appears anywhere in the given subtrees. */
function namesTenantId(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(namesTenantId);
  if (!value || typeof value !== 'object') return false;
  const node = value as AnyNode;
  if (node.kind === 'IdentifierNode' && node.name === 'tenant_id') return true;
  if (node.kind === 'RawNode' && (node.sqlFragments as string[]).some((f) => f.includes('tenant_id'))) return true;
  for (const key in node) if (key !== 'kind' && namesTenantId(node[key])) return true;
  return false;
}
