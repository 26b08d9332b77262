import type { Deps } from '../../../platform/deps.ts';
import type { RateLimiter, RateLimitRule } from '../../../platform/http/rate-limit.ts';
import { hashPassword, needsRehash, verifyDummyPassword, verifyPassword } from '../passwords.ts';
import { looksLikeRecoveryCode } from '../recovery-codes.ts';
import {
  claimTotpStep,
  findAccountByEmail,
  normaliseEmail,
  type StaffAccount,
  updatePasswordHash,
  useRecoveryCode,
  writeStaffAudit,
} from '../repo.ts';
import { verifyTotp } from '../totp.ts';
import { openTotpSecret } from '../totp-secrets.ts';

const fifteenMinutes = 15 * 60_000;

/**
 * Failed attempts allowed per 15 minutes (F-25, Open Forms: 10). The account counter is keyed by the
 * typed e-mail address whether or not an account exists, so unknown addresses lock the same way; it is
 * not combined with IP or user agent, because both are free for an attacker to change. The IP counter is
 * generous because a town hall's staff share one address behind NAT.
 */
export const staffLoginLimits = {
  account: { name: 'staff-login-account', limit: 10, windowMs: fifteenMinutes },
  ip: { name: 'staff-login-ip', limit: 50, windowMs: fifteenMinutes },
} satisfies Record<string, RateLimitRule>;

export interface Attempt {
  email: string;
  ip: string;
}

type LoginDeps = Pick<Deps, 'database' | 'cipher' | 'clock'> & { limiter: RateLimiter };

/** Refuses with 429 + Retry-After while the account or the IP address is locked. */
export async function assertLoginAllowed(deps: LoginDeps, attempt: Attempt): Promise<void> {
  await deps.limiter.assertAllowed(staffLoginLimits.ip, attempt.ip);
  await deps.limiter.assertAllowed(staffLoginLimits.account, normaliseEmail(attempt.email));
}

/** Counts a failure on both counters and writes the audit events (lockout once the limit is reached). */
export async function recordLoginFailure(
  deps: LoginDeps,
  attempt: Attempt,
  account: StaffAccount | undefined,
  step: 'password' | 'second_factor' | 'enrolment',
): Promise<void> {
  const accountState = await deps.limiter.hit(staffLoginLimits.account, normaliseEmail(attempt.email));
  const ipState = await deps.limiter.hit(staffLoginLimits.ip, attempt.ip);
  const actor = account ? `staff:${account.id}` : 'anonym';
  const db = deps.database.db;
  await writeStaffAudit(db, { actor, action: 'staff.login_failed', staffId: account?.id, details: { step } });
  if (accountState.hits === staffLoginLimits.account.limit)
    await writeStaffAudit(db, { actor, action: 'staff.lockout', staffId: account?.id, details: { scope: 'account' } });
  if (ipState.hits === staffLoginLimits.ip.limit)
    await writeStaffAudit(db, { actor, action: 'staff.lockout', staffId: account?.id, details: { scope: 'ip' } });
}

/**
 * Step 1: e-mail and password. Unknown and deactivated accounts take the same path and time (a dummy
 * argon2 verification) and get the same answer as a wrong password.
 */
export async function checkPassword(
  deps: LoginDeps,
  attempt: Attempt & { password: string },
): Promise<StaffAccount | null> {
  await assertLoginAllowed(deps, attempt);
  const db = deps.database.db;
  const account = await findAccountByEmail(db, attempt.email);
  const ok =
    account?.active === true
      ? await verifyPassword(account.password_hash, attempt.password)
      : await verifyDummyPassword(attempt.password);
  if (!ok || !account) {
    await recordLoginFailure(deps, attempt, account, 'password');
    return null;
  }
  if (needsRehash(account.password_hash))
    await updatePasswordHash(db, account.id, await hashPassword(attempt.password));
  return account;
}

/** Step 2: a TOTP code (each time step only once) or an unused recovery code. */
export async function checkSecondFactor(
  deps: LoginDeps,
  attempt: Attempt,
  account: StaffAccount,
  code: string,
): Promise<'totp' | 'recovery' | null> {
  await assertLoginAllowed(deps, attempt);
  const db = deps.database.db;
  let method: 'totp' | 'recovery' | null = null;
  if (looksLikeRecoveryCode(code)) {
    if (await useRecoveryCode(db, account.id, code, deps.clock.now())) method = 'recovery';
  } else if (account.totp_secret_enc) {
    const secret = openTotpSecret(deps.cipher, account.id, account.totp_secret_enc);
    const step = verifyTotp(secret, code, deps.clock.now());
    if (step !== null && (await claimTotpStep(db, account.id, step))) method = 'totp';
  }
  if (!method) {
    await recordLoginFailure(deps, attempt, account, 'second_factor');
    return null;
  }
  return method;
}

/** Called after a complete login: the account's failure counter starts again. */
export async function loginSucceeded(deps: LoginDeps, attempt: Attempt): Promise<void> {
  await deps.limiter.reset(staffLoginLimits.account, normaliseEmail(attempt.email));
}
