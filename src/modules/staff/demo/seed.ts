import { createHmac } from 'node:crypto';
import type { Deps } from '../../../platform/deps.ts';
import { demoTenants } from '../../tenants/demo/tenants.ts';
import { createStaffAccount } from '../ops/create-account.ts';
import type { StaffRole } from '../tables.ts';
import { base32Encode, otpauthUri, totpCode } from '../totp.ts';

/** The one password of every demo staff account (demo mode only). */
export const demoStaffPassword = 'Demo-Backoffice-2026';

export interface DemoStaffCredential {
  email: string;
  displayName: string;
  role: StaffRole;
  tenantSlug: string | null;
  password: string;
  /** Base32 TOTP secret, pre-enrolled. */
  totpSecret: string;
  otpauthUri: string;
}

/**
 * Secrets derived from the installation's secret key: stable across restarts of one demo installation,
 * different between installations, so printed demo secrets are useless elsewhere.
 */
function demoTotpSecret(secretKey: string, email: string): string {
  return base32Encode(createHmac('sha256', secretKey).update(`demo-staff-totp:${email}`).digest().subarray(0, 20));
}

interface DemoStaffAccount {
  email: string;
  displayName: string;
  role: StaffRole;
  tenantSlug: string | null;
}

/** One caseworker and one admin per demo municipality plus one operator. */
export function demoStaffAccounts(): DemoStaffAccount[] {
  const accounts: DemoStaffAccount[] = demoTenants.flatMap((t) => [
    {
      email: `sachbearbeitung@${t.slug}.demo`,
      displayName: `Sachbearbeitung ${t.shortName}`,
      role: 'caseworker' as const,
      tenantSlug: t.slug,
    },
    {
      email: `admin@${t.slug}.demo`,
      displayName: `Administration ${t.shortName}`,
      role: 'admin' as const,
      tenantSlug: t.slug,
    },
  ]);
  accounts.push({ email: 'betrieb@sac.demo', displayName: 'Betrieb SAC', role: 'operator', tenantSlug: null });
  return accounts;
}

/**
 * The current TOTP code of a demo account, computed from the installation's secret key alone (no database,
 * so it works while the embedded database is held by the running server). Null for other addresses.
 */
export function demoTotpCode(secretKey: string, email: string, at: Date): string | null {
  const known = demoStaffAccounts().some((a) => a.email === email.trim().toLowerCase());
  return known ? totpCode(demoTotpSecret(secretKey, email.trim().toLowerCase()), at) : null;
}

/**
 * Creates the demo staff accounts with known password and pre-enrolled TOTP. Idempotent: existing
 * accounts are left as they are. Returns the credentials to print at start-up.
 */
export async function seedDemoStaff(
  deps: Pick<Deps, 'database' | 'cipher' | 'config'>,
  tenantIds: Map<string, string>,
): Promise<DemoStaffCredential[]> {
  const wanted = demoStaffAccounts().filter((w) => !w.tenantSlug || tenantIds.has(w.tenantSlug));
  const db = deps.database.db;
  const credentials: DemoStaffCredential[] = [];
  for (const w of wanted) {
    const totpSecret = demoTotpSecret(deps.config.secretKey, w.email);
    const exists = await db.selectFrom('staff_accounts').select('id').where('email', '=', w.email).executeTakeFirst();
    if (!exists)
      await createStaffAccount(deps, {
        ...w,
        password: demoStaffPassword,
        tenantId: w.tenantSlug ? tenantIds.get(w.tenantSlug) : undefined,
        totpSecret,
      });
    credentials.push({ ...w, password: demoStaffPassword, totpSecret, otpauthUri: otpauthUri(totpSecret, w.email) });
  }
  return credentials;
}

/** The start-up banner lines for the demo staff accounts. */
export function demoStaffBanner(credentials: DemoStaffCredential[], baseUrl: string): string {
  const lines = [
    `Demo staff login: ${baseUrl}/backoffice/anmelden  (password for all: ${demoStaffPassword})`,
    'TOTP: add the secret to an authenticator app, or print the current code with `npx sac users totp <email>`.',
  ];
  for (const c of credentials)
    lines.push(
      `  ${c.role.padEnd(10)} ${(c.tenantSlug ?? 'alle').padEnd(12)} ${c.email.padEnd(32)} TOTP ${c.totpSecret}`,
    );
  return `${lines.join('\n')}\n`;
}
