import type { Generated } from 'kysely';

/** Per-tenant roles. The global operator role is `staff_accounts.is_operator`. */
export type TenantRole = 'caseworker' | 'admin';
export type StaffRole = TenantRole | 'operator';

export interface StaffAccountsTable {
  id: Generated<string>;
  /** Lower-cased. */
  email: string;
  display_name: string;
  password_hash: string;
  is_operator: Generated<boolean>;
  totp_secret_enc: string | null;
  totp_pending_enc: string | null;
  totp_last_step: string | number | null;
  session_epoch: Generated<number>;
  active: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface StaffRolesTable {
  tenant_id: string;
  staff_id: string;
  role: TenantRole;
  created_at: Generated<Date>;
}

export interface StaffRecoveryCodesTable {
  staff_id: string;
  code_hash: string;
  used_at: Date | null;
}

export interface StaffTables {
  staff_accounts: StaffAccountsTable;
  staff_roles: StaffRolesTable;
  staff_recovery_codes: StaffRecoveryCodesTable;
}
