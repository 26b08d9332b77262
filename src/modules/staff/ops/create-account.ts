import { randomUUID } from 'node:crypto';
import type { Deps } from '../../../platform/deps.ts';
import { hashPassword, minPasswordLength } from '../passwords.ts';
import { normaliseEmail, writeStaffAudit } from '../repo.ts';
import type { StaffRole } from '../tables.ts';
import { sealTotpSecret } from '../totp-secrets.ts';

export interface NewStaffAccount {
  email: string;
  displayName: string;
  password: string;
  role: StaffRole;
  /** Required for caseworker and admin. */
  tenantId?: string | undefined;
  /** Pre-enrolled TOTP secret (base32) — demo accounts only; others enrol at first login. */
  totpSecret?: string | undefined;
}

export class StaffAccountError extends Error {}

/** Creates an account with its role; returns the account id. Refuses duplicates and weak passwords. */
export async function createStaffAccount(
  deps: Pick<Deps, 'database' | 'cipher'>,
  input: NewStaffAccount,
  actor = 'system',
): Promise<string> {
  const email = normaliseEmail(input.email);
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw new StaffAccountError(`Ungültige E-Mail-Adresse: ${email}`);
  if (!input.displayName.trim()) throw new StaffAccountError('Der Name fehlt.');
  if (input.password.length < minPasswordLength)
    throw new StaffAccountError(`Das Passwort muss mindestens ${minPasswordLength} Zeichen lang sein.`);
  if (input.role !== 'operator' && !input.tenantId)
    throw new StaffAccountError('Für die Rollen caseworker und admin ist eine Kommune (--tenant) nötig.');
  const id = randomUUID();
  const passwordHash = await hashPassword(input.password);
  const db = deps.database.db;
  await db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('staff_accounts').select('id').where('email', '=', email).executeTakeFirst();
    if (existing) throw new StaffAccountError(`Es gibt bereits ein Konto mit der E-Mail-Adresse ${email}.`);
    await trx
      .insertInto('staff_accounts')
      .values({
        id,
        email,
        display_name: input.displayName.trim(),
        password_hash: passwordHash,
        is_operator: input.role === 'operator',
        totp_secret_enc: input.totpSecret ? sealTotpSecret(deps.cipher, id, input.totpSecret) : null,
        totp_pending_enc: null,
        totp_last_step: null,
      })
      .execute();
    if (input.role !== 'operator')
      await trx
        .insertInto('staff_roles')
        .values({ tenant_id: input.tenantId!, staff_id: id, role: input.role })
        .execute();
    await writeStaffAudit(trx, {
      actor,
      action: 'staff.account_created',
      staffId: id,
      tenantId: input.tenantId ?? null,
      details: { role: input.role },
    });
  });
  return id;
}
