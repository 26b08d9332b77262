import type { TrustLevel } from '../../trust-levels.ts';
import { bundIdOids } from './bundid-attributes.ts';

const AKDB = 'https://www.akdb.de/request/2018/09';
const CLASSIC_UI = 'https://www.akdb.de/request/2018/09/classic-ui/v1';

const enabled = (on: boolean) => ({ 'akdb:Enabled': on ? 'true' : 'false' });

/**
 * The BundID `akdb:AuthenticationRequest` extension (as an xmlbuilder object for node-saml): which login
 * methods the IdP may offer for the requested level, which attributes we need, and display information.
 */
export function akdbAuthenticationRequest(
  level: Exclude<TrustLevel, 'none'>,
  display: { organizationDisplayName?: string | undefined; onlineServiceId?: string | undefined },
): Record<string, unknown> {
  const requested = Object.values(bundIdOids).map((name) => ({
    '@Name': name,
    '@RequiredAttribute': name === bundIdOids.bpk2 ? 'true' : 'false',
  }));
  const version: Record<string, unknown> = { '@xmlns:classic-ui': CLASSIC_UI };
  if (display.organizationDisplayName) version['classic-ui:OrganizationDisplayName'] = display.organizationDisplayName;
  if (display.onlineServiceId) version['classic-ui:OnlineServiceId'] = display.onlineServiceId;
  return {
    'akdb:AuthenticationRequest': {
      '@xmlns:akdb': AKDB,
      '@Version': '2',
      'akdb:AuthnMethods': {
        'akdb:Benutzername': enabled(level === 'basisregistrierung'),
        'akdb:Elster': enabled(level !== 'hoch'),
        'akdb:eID': enabled(true),
        'akdb:eIDAS': enabled(true),
      },
      'akdb:RequestedAttributes': { 'akdb:RequestedAttribute': requested },
      'akdb:DisplayInformation': { 'classic-ui:Version': version },
    },
  };
}
