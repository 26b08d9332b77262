import { parseArgs } from 'node:util';
import type { Config } from '../../config/index.ts';
import type { Deps } from '../../platform/deps.ts';
import { findTenantBySlug } from '../tenants/repo.ts';
import { demoTotpCode } from './demo/seed.ts';
import { createStaffAccount, StaffAccountError } from './ops/create-account.ts';
import { generatePassword } from './passwords.ts';
import type { StaffRole } from './tables.ts';

export interface CommandResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export const usersUsage = `Usage:
  sac users add --email <address> --name <display name> --role caseworker|admin|operator [--tenant <slug>] [--password <password>]
  sac users totp <email>     (demo mode only: prints the current TOTP code of an account)
`;

const roles = new Set<StaffRole>(['caseworker', 'admin', 'operator']);
const fail = (message: string): CommandResult => ({ exitCode: 2, stdout: '', stderr: `${message}\n` });

/** `sac users add …` and, in demo mode, `sac users totp <email>`. */
export async function usersCommand(deps: Deps, args: string[]): Promise<CommandResult> {
  const [sub, ...rest] = args;
  if (sub === 'add') return addUser(deps, rest);
  if (sub === 'totp') return demoTotpCommand(deps.config, rest[0], deps.clock.now());
  return fail(usersUsage);
}

async function addUser(deps: Deps, args: string[]): Promise<CommandResult> {
  let values: Record<string, string | undefined>;
  try {
    values = parseArgs({
      args,
      options: {
        email: { type: 'string' },
        name: { type: 'string' },
        role: { type: 'string' },
        tenant: { type: 'string' },
        password: { type: 'string' },
      },
    }).values as Record<string, string | undefined>;
  } catch (error) {
    return fail(`${(error as Error).message}\n${usersUsage}`);
  }
  const { email, name, role, tenant, password } = values;
  if (!email || !name || !role) return fail(usersUsage);
  if (!roles.has(role as StaffRole)) return fail(`Unknown role "${role}": use caseworker, admin or operator.`);
  if (role === 'operator' && tenant) return fail('The operator role spans all tenants: leave out --tenant.');
  let tenantId: string | undefined;
  if (role !== 'operator') {
    if (!tenant) return fail(`The role ${role} needs --tenant <slug>.`);
    const found = await findTenantBySlug(deps.database.db, tenant);
    if (!found) return fail(`No active tenant with the slug "${tenant}".`);
    tenantId = found.id;
  }
  const chosen = password ?? generatePassword();
  try {
    await createStaffAccount(
      deps,
      { email, displayName: name, role: role as StaffRole, tenantId, password: chosen },
      'cli',
    );
  } catch (error) {
    if (error instanceof StaffAccountError) return { exitCode: 1, stdout: '', stderr: `${error.message}\n` };
    throw error;
  }
  const lines = [`Created ${role} ${email.toLowerCase()}${tenant ? ` for ${tenant}` : ''}.`];
  if (!password) lines.push(`Generated password (shown once): ${chosen}`);
  lines.push(
    `At the first login on ${deps.config.baseUrl}/backoffice/anmelden the account sets up its second factor:`,
    'scan the QR code with an authenticator app (TOTP) and keep the ten recovery codes shown afterwards.',
  );
  return { exitCode: 0, stdout: `${lines.join('\n')}\n`, stderr: '' };
}

/** `sac users totp <email>`: demo mode only, works without the database (see demoTotpCode). */
export function demoTotpCommand(config: Config, email: string | undefined, at = new Date()): CommandResult {
  if (!config.demo) return fail('sac users totp works only in demo mode (SAC_DEMO=1).');
  if (!email) return fail(usersUsage);
  const code = demoTotpCode(config.secretKey, email, at);
  if (!code) return { exitCode: 1, stdout: '', stderr: `${email} is not a demo staff account.\n` };
  return { exitCode: 0, stdout: `${code}\n`, stderr: '' };
}
