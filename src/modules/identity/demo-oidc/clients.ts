import { createHmac, timingSafeEqual } from 'node:crypto';

/** Where the demo OpenID provider is mounted. */
export const demoOidcBasePath = '/demo/oidc';

/** The issuer identifier of the demo provider for an installation's public URL. */
export const demoOidcIssuer = (baseUrl: string) => `${baseUrl}${demoOidcBasePath}`;

/** The two clients the demo provider knows: the citizen portal and the staff back office. */
export type DemoOidcClientId = 'sac-portal' | 'sac-backoffice';

export interface DemoOidcClient {
  id: DemoOidcClientId;
  name: string;
  /** Which personas the login page offers. */
  audience: 'citizen' | 'staff';
  redirectUri: RegExp;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Registered clients (in a real provider: the client registration); redirect URIs must match exactly. */
export function demoOidcClients(baseUrl: string): DemoOidcClient[] {
  const base = escapeRe(baseUrl);
  return [
    {
      id: 'sac-portal',
      name: 'SAC Serviceportal (Demo)',
      audience: 'citizen',
      redirectUri: new RegExp(`^${base}/konto/oidc/[a-z0-9][a-z0-9-]{0,62}/callback$`),
    },
    {
      id: 'sac-backoffice',
      name: 'SAC Backoffice (Demo)',
      audience: 'staff',
      redirectUri: new RegExp(`^${base}/backoffice/oidc/[a-z0-9][a-z0-9-]{0,62}/callback$`),
    },
  ];
}

/**
 * The client secret of a demo client, derived from the installation's secret key: stable across restarts,
 * different in every installation.
 */
export function demoOidcClientSecret(secretKey: string, clientId: DemoOidcClientId): string {
  return createHmac('sha256', secretKey).update(`demo-oidc-client:${clientId}`).digest('base64url');
}

/** Constant-time comparison of a presented client secret. */
export function clientSecretMatches(secretKey: string, clientId: DemoOidcClientId, presented: string): boolean {
  const expected = Buffer.from(demoOidcClientSecret(secretKey, clientId));
  const given = Buffer.from(presented);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
