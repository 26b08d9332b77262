import { sql } from 'kysely';
import type { Deps } from '../../../platform/deps.ts';
import { newRecoveryCodes } from '../recovery-codes.ts';
import { replaceRecoveryCodes, type StaffAccount } from '../repo.ts';
import { newTotpSecret, verifyTotp } from '../totp.ts';
import { openTotpSecret, sealTotpSecret } from '../totp-secrets.ts';

/** The secret being enrolled: created on first view, kept encrypted until confirmed with a code. */
export async function pendingTotpSecret(
  deps: Pick<Deps, 'database' | 'cipher'>,
  account: StaffAccount,
): Promise<string> {
  if (account.totp_pending_enc) return openTotpSecret(deps.cipher, account.id, account.totp_pending_enc);
  const secret = newTotpSecret();
  await deps.database.db
    .updateTable('staff_accounts')
    .set({ totp_pending_enc: sealTotpSecret(deps.cipher, account.id, secret) })
    .where('id', '=', account.id)
    .execute();
  return secret;
}

/**
 * Confirms the enrolment with a first code: the pending secret becomes the account's secret and ten new
 * recovery codes are returned (to be shown once). Null when the code does not fit.
 */
export async function confirmTotpEnrolment(
  deps: Pick<Deps, 'database' | 'cipher' | 'clock'>,
  account: StaffAccount,
  code: string,
): Promise<string[] | null> {
  if (!account.totp_pending_enc) return null;
  const secret = openTotpSecret(deps.cipher, account.id, account.totp_pending_enc);
  const step = verifyTotp(secret, code, deps.clock.now());
  if (step === null) return null;
  const codes = newRecoveryCodes();
  const confirmed = await deps.database.db.transaction().execute(async (trx) => {
    const moved = await trx
      .updateTable('staff_accounts')
      .set({
        totp_secret_enc: account.totp_pending_enc,
        totp_pending_enc: null,
        totp_last_step: step,
        updated_at: sql`now()`,
      })
      .where('id', '=', account.id)
      .where('totp_secret_enc', 'is', null)
      .returning('id')
      .executeTakeFirst();
    if (!moved) return false;
    await replaceRecoveryCodes(trx, account.id, codes);
    return true;
  });
  return confirmed ? codes : null;
}
