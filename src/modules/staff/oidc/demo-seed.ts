import type { Deps } from '../../../platform/deps.ts';
import { demoOidcOptions } from '../../identity/demo-oidc/built-in.ts';
import { saveStaffOidcConfig } from './config.ts';

/** Demo municipalities whose staff may also log in through the demo OpenID provider (a staff persona). */
export const demoStaffOidcTenants = ['magdeburg', 'halberstadt'];

/**
 * Points the staff OIDC login of the demo municipalities at this installation's demo OpenID provider.
 * Runs at every demo start, so the issuer follows SAC_BASE_URL.
 */
export async function seedDemoStaffOidc(
  deps: Pick<Deps, 'database' | 'cipher' | 'config'>,
  tenantIds: Map<string, string>,
): Promise<void> {
  const options = demoOidcOptions(deps.config, 'sac-backoffice');
  for (const slug of demoStaffOidcTenants) {
    const tenantId = tenantIds.get(slug);
    if (!tenantId) continue;
    await saveStaffOidcConfig(deps, tenantId, {
      issuer: options.issuer,
      clientId: options.clientId,
      clientSecret: options.clientSecret,
      accountClaim: 'email',
      label: 'Demo-OIDC, Testsystem',
      allowInsecureHttp: options.allowInsecureHttp,
    });
  }
}
