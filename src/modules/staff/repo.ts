import type { Selectable } from 'kysely';
import { sql } from 'kysely';
import type { Executor } from '../../platform/db/scope.ts';
import { allTenants } from '../../platform/db/scope.ts';
import { hashRecoveryCode } from './recovery-codes.ts';
import type { StaffAccountsTable, TenantRole } from './tables.ts';

export type StaffAccount = Selectable<StaffAccountsTable>;

export interface TenantRoleGrant {
  tenantId: string;
  tenantSlug: string;
  tenantName: string;
  role: TenantRole;
}

export const normaliseEmail = (email: string) => email.trim().toLowerCase();

export function findAccountByEmail(db: Executor, email: string): Promise<StaffAccount | undefined> {
  return db.selectFrom('staff_accounts').selectAll().where('email', '=', normaliseEmail(email)).executeTakeFirst();
}

export function findAccountById(db: Executor, id: string): Promise<StaffAccount | undefined> {
  return db.selectFrom('staff_accounts').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Every tenant role of one account (a deliberate cross-tenant read: the account spans tenants). */
export async function listRoleGrants(db: Executor, staffId: string): Promise<TenantRoleGrant[]> {
  const rows = await db
    .selectFrom('staff_roles')
    .innerJoin('tenants', 'tenants.id', 'staff_roles.tenant_id')
    .select(['staff_roles.tenant_id', 'staff_roles.role', 'tenants.slug', 'tenants.name'])
    .where('staff_roles.staff_id', '=', staffId)
    .where('tenants.active', '=', true)
    .orderBy('tenants.name')
    .orderBy('staff_roles.role')
    .modifyEnd(allTenants)
    .execute();
  return rows.map((r) => ({ tenantId: r.tenant_id, tenantSlug: r.slug, tenantName: r.name, role: r.role }));
}

export async function updatePasswordHash(db: Executor, id: string, passwordHash: string): Promise<void> {
  await db
    .updateTable('staff_accounts')
    .set({ password_hash: passwordHash, updated_at: sql`now()` })
    .where('id', '=', id)
    .execute();
}

/** Ends every session of the account: sessions carry the epoch they were created in. */
export async function bumpSessionEpoch(db: Executor, id: string): Promise<void> {
  await db
    .updateTable('staff_accounts')
    .set({ session_epoch: sql`session_epoch + 1`, updated_at: sql`now()` })
    .where('id', '=', id)
    .execute();
}

/**
 * Records a TOTP step as used; false when this or a later step was already accepted (a replayed code).
 */
export async function claimTotpStep(db: Executor, id: string, step: number): Promise<boolean> {
  const row = await db
    .updateTable('staff_accounts')
    .set({ totp_last_step: step })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .returning('id')
    .executeTakeFirst();
  return !!row;
}

/** Replaces the account's recovery codes with new ones (stored hashed). */
export async function replaceRecoveryCodes(db: Executor, staffId: string, codes: string[]): Promise<void> {
  await db.deleteFrom('staff_recovery_codes').where('staff_id', '=', staffId).execute();
  await db
    .insertInto('staff_recovery_codes')
    .values(codes.map((c) => ({ staff_id: staffId, code_hash: hashRecoveryCode(c), used_at: null })))
    .execute();
}

/** Marks an unused recovery code as used, atomically; false when unknown or already used. */
export async function useRecoveryCode(db: Executor, staffId: string, code: string, at: Date): Promise<boolean> {
  const row = await db
    .updateTable('staff_recovery_codes')
    .set({ used_at: at })
    .where('staff_id', '=', staffId)
    .where('code_hash', '=', hashRecoveryCode(code))
    .where('used_at', 'is', null)
    .returning('code_hash')
    .executeTakeFirst();
  return !!row;
}

export async function countUnusedRecoveryCodes(db: Executor, staffId: string): Promise<number> {
  const row = await db
    .selectFrom('staff_recovery_codes')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('staff_id', '=', staffId)
    .where('used_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export interface StaffAuditEvent {
  /** `staff:<id>` or `anonym` (unknown account: the typed address is not recorded). */
  actor: string;
  action: string;
  staffId?: string | undefined;
  tenantId?: string | null | undefined;
  details?: Record<string, unknown>;
}

/** Audit trail of logins, failures, lockouts and role changes. Never passwords, codes or typed e-mails. */
export async function writeStaffAudit(db: Executor, event: StaffAuditEvent): Promise<void> {
  await db
    .insertInto('audit_events')
    .values({
      tenant_id: event.tenantId ?? null,
      actor: event.actor,
      action: event.action,
      object_type: event.staffId ? 'staff_account' : null,
      object_id: event.staffId ?? null,
      details: JSON.stringify(event.details ?? {}),
    })
    .execute();
}
