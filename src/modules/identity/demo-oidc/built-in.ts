import type { Config } from '../../../config/index.ts';
import type { AnyIdentityProvider, ProviderInstance } from '../registry.ts';
import { demoOidcClientSecret, demoOidcIssuer } from './clients.ts';

/** Key and label of the demo OpenID provider as a citizen login method. */
export const demoOidcProvider = { key: 'demo-oidc', label: 'Demo-OIDC (Testsystem)' };

/** OIDC plug-in options that point at the demo provider of this installation. */
export function demoOidcOptions(
  config: Pick<Config, 'baseUrl' | 'secretKey'>,
  clientId: 'sac-portal' | 'sac-backoffice',
) {
  return {
    issuer: demoOidcIssuer(config.baseUrl),
    clientId,
    clientSecret: demoOidcClientSecret(config.secretKey, clientId),
    allowInsecureHttp: new URL(config.baseUrl).protocol === 'http:',
  };
}

/**
 * The demo provider as a built-in citizen login method, offered in every tenant's portal in demo mode
 * next to the demo BundID. It goes through the production OIDC plug-in, over HTTP, like any other issuer.
 */
export function demoOidcInstance(config: Config, oidc: AnyIdentityProvider): ProviderInstance {
  return {
    key: demoOidcProvider.key,
    label: demoOidcProvider.label,
    plugin: oidc,
    options: oidc.optionsSchema.parse(demoOidcOptions(config, 'sac-portal')),
  };
}
