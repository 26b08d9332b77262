import { z } from 'zod';
import type { Executor } from '../../../platform/db/scope.ts';
import { allTenants, scoped } from '../../../platform/db/scope.ts';
import type { Deps } from '../../../platform/deps.ts';
import { type OidcOptions, oidcOptionsSchema } from '../../identity/providers/oidc/options.ts';

/** What a municipality configures for its staff's OIDC login (before encryption). */
export const staffOidcInputSchema = z.object({
  issuer: z.string().url(),
  clientId: z.string().min(1).max(200),
  clientSecret: z.string().min(1).max(500).optional(),
  /** Claim holding the staff account's e-mail address (default `email`). */
  accountClaim: z
    .string()
    .regex(/^[A-Za-z0-9_:.-]{1,64}$/)
    .default('email'),
  label: z.string().min(1).max(120).optional(),
  allowInsecureHttp: z.boolean().default(false),
});
export type StaffOidcInput = z.input<typeof staffOidcInputSchema>;

/** A loaded configuration, ready for the OIDC client. */
export interface StaffOidcConfig {
  tenantId: string;
  accountClaim: string;
  label: string | null;
  options: OidcOptions;
}

const aad = (tenantId: string) => `staff-oidc:${tenantId}`;

/** Where the municipality's provider sends the browser back (registered there as redirect URI). */
export const staffOidcCallbackPath = (slug: string) => `/backoffice/oidc/${slug}/callback`;

/** Stores (insert or replace) a tenant's staff OIDC configuration; the client secret encrypted. */
export async function saveStaffOidcConfig(
  deps: Pick<Deps, 'database' | 'cipher'>,
  tenantId: string,
  input: StaffOidcInput,
): Promise<void> {
  const v = staffOidcInputSchema.parse(input);
  const values = {
    issuer: v.issuer,
    client_id: v.clientId,
    client_secret_enc: v.clientSecret ? deps.cipher.encrypt(v.clientSecret, aad(tenantId)) : null,
    account_claim: v.accountClaim,
    label: v.label ?? null,
    allow_insecure_http: v.allowInsecureHttp,
    enabled: true,
  };
  await deps.database.db.transaction().execute(async (trx) => {
    await scoped(trx, tenantId).deleteFrom('staff_oidc_providers').execute();
    await scoped(trx, tenantId).insertInto('staff_oidc_providers', values).execute();
  });
}

/** Removes a tenant's staff OIDC login (the password login stays). */
export async function removeStaffOidcConfig(db: Executor, tenantId: string): Promise<void> {
  await scoped(db, tenantId).deleteFrom('staff_oidc_providers').execute();
}

/** The tenant's enabled configuration, or undefined. */
export async function findStaffOidcConfig(
  deps: Pick<Deps, 'database' | 'cipher'>,
  tenantId: string,
): Promise<StaffOidcConfig | undefined> {
  const row = await scoped(deps.database.db, tenantId)
    .selectFrom('staff_oidc_providers')
    .selectAll()
    .where('enabled', '=', true)
    .executeTakeFirst();
  if (!row) return undefined;
  const clientSecret = row.client_secret_enc ? deps.cipher.decrypt(row.client_secret_enc, aad(tenantId)) : undefined;
  return {
    tenantId,
    accountClaim: row.account_claim,
    label: row.label,
    options: oidcOptionsSchema.parse({
      issuer: row.issuer,
      clientId: row.client_id,
      ...(clientSecret ? { clientSecret } : {}),
      scope: 'openid email profile',
      allowInsecureHttp: row.allow_insecure_http,
    }),
  };
}

/** A municipality's entry on the staff login page. */
export interface StaffOidcLogin {
  slug: string;
  tenantName: string;
  /** The configured name of the login service, if any. */
  label: string | null;
}

/** The municipalities whose staff can log in with their administration account (for the login page). */
export async function listStaffOidcLogins(db: Executor): Promise<StaffOidcLogin[]> {
  const rows = await db
    .selectFrom('staff_oidc_providers')
    .innerJoin('tenants', 'tenants.id', 'staff_oidc_providers.tenant_id')
    .select(['tenants.slug', 'tenants.name', 'staff_oidc_providers.label'])
    .where('staff_oidc_providers.enabled', '=', true)
    .where('tenants.active', '=', true)
    .orderBy('tenants.name')
    .modifyEnd(allTenants)
    .execute();
  return rows.map((r) => ({ slug: r.slug, tenantName: r.name, label: r.label }));
}
