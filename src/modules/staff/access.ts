import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { findAccountById, listRoleGrants, type TenantRoleGrant } from './repo.ts';
import type { StaffRole } from './tables.ts';

/** A logged-in staff member as other modules see it. */
export interface StaffPrincipal {
  id: string;
  email: string;
  displayName: string;
  /** Global operator (Betrieb): spans all tenants. */
  operator: boolean;
  /** Roles per municipality. */
  grants: TenantRoleGrant[];
}

/** What a fully logged-in staff session stores (the epoch ends it when the account logs out everywhere). */
export interface StaffSessionData {
  id: string;
  epoch: number;
}
export const staffSessionKey = 'staff';

declare module 'fastify' {
  interface FastifyInstance {
    staffAccess: { db: Kysely<DB> };
  }
}

/** Makes `currentStaff`/`requireStaff` usable on every route of the app. */
export function registerStaffAccess(app: FastifyInstance, db: Kysely<DB>): void {
  app.decorate('staffAccess', { db });
}

const cache = new WeakMap<FastifyRequest, Promise<StaffPrincipal | null>>();

/** The staff member of this request's session, or null (not logged in, logged out everywhere, deactivated). */
export function currentStaff(request: FastifyRequest): Promise<StaffPrincipal | null> {
  let pending = cache.get(request);
  if (!pending) {
    pending = loadStaff(request);
    cache.set(request, pending);
  }
  return pending;
}

async function loadStaff(request: FastifyRequest): Promise<StaffPrincipal | null> {
  const session = await request.existingSession();
  const data = session?.get<StaffSessionData>(staffSessionKey);
  if (!session || !data) return null;
  const db = request.server.staffAccess.db;
  const account = await findAccountById(db, data.id);
  if (!account?.active || account.session_epoch !== data.epoch) {
    session.delete(staffSessionKey);
    return null;
  }
  return {
    id: account.id,
    email: account.email,
    displayName: account.display_name,
    operator: account.is_operator,
    grants: await listRoleGrants(db, account.id),
  };
}

/** The roles the staff member holds for one municipality (`operator` counts at every municipality). */
export function rolesAt(staff: StaffPrincipal, tenantId: string): StaffRole[] {
  const roles: StaffRole[] = staff.grants.filter((g) => g.tenantId === tenantId).map((g) => g.role);
  if (staff.operator) roles.push('operator');
  return roles;
}

export function hasRoleAnywhere(staff: StaffPrincipal, role: StaffRole): boolean {
  return role === 'operator' ? staff.operator : staff.grants.some((g) => g.role === role);
}

/**
 * The authorisation check other modules call before touching staff data:
 *
 *   const staff = await requireStaff(request, { tenantId: submission.tenant_id, role: 'caseworker' });
 *
 * - not logged in → 401;
 * - `tenantId` given and the account has none of the wanted roles there → **404**, as if the object did not
 *   exist (no hint that another municipality's object is there);
 * - only `role` given and the account holds it nowhere → 403.
 * Roles do not imply each other: an admin is not a caseworker; the operator passes `role: 'operator'` at
 * every municipality, so routes open to operators name it (`role: ['admin', 'operator']`).
 */
export async function requireStaff(
  request: FastifyRequest,
  options: { tenantId?: string | undefined; role?: StaffRole | StaffRole[] | undefined } = {},
): Promise<StaffPrincipal> {
  const staff = await currentStaff(request);
  if (!staff) throw new AppError('unauthorized', 'Bitte melden Sie sich im Backoffice an.');
  const wanted = options.role === undefined ? undefined : [options.role].flat();
  if (options.tenantId !== undefined) {
    const held = rolesAt(staff, options.tenantId);
    if (held.length === 0 || (wanted && !wanted.some((r) => held.includes(r)))) throw notFound();
  } else if (wanted && !wanted.some((r) => hasRoleAnywhere(staff, r))) {
    throw new AppError('forbidden');
  }
  return staff;
}
