import type { Deps } from '../../platform/deps.ts';
import { demoIdpMetadata } from './demo-idp/idp-metadata.ts';
import type { KnownServiceProvider } from './demo-idp/parse-authn-request.ts';
import { demoOidcInstance } from './demo-oidc/built-in.ts';
import { listProviderInstances } from './provider-configs.ts';
import { createOidcPlugin } from './providers/oidc/plugin.ts';
import type { SamlOptions } from './providers/saml/options.ts';
import { createSamlPlugin, type SamlPlugin } from './providers/saml/plugin.ts';
import { spUrls } from './providers/saml/saml-client.ts';
import { createIdentityRegistry, type ProviderInstance } from './registry.ts';
import type { KeyPairPem } from './self-signed-certificate.ts';
import { demoKeyPair } from './sp-keys.ts';

/** The built-in demo IdP: where it is mounted and who it is. */
export const demoIdpDefaults = { basePath: '/demo/idp', providerKey: 'demo-bundid' };

/**
 * Everything identity needs at run time for one application: the plug-in registry, the built-in demo
 * provider (demo mode only) and lookups of the configured providers.
 */
export function createIdentityService(deps: Deps) {
  const { config } = deps;
  const spKeys = (): KeyPairPem | undefined =>
    config.demo ? demoKeyPair(config.dataDir, 'sp', 'SAC Serviceportal (Demo)', deps.clock.now()) : undefined;
  const saml = createSamlPlugin(spKeys, config.demo);
  const oidc = createOidcPlugin();
  const registry = createIdentityRegistry(config.demo, [saml, oidc]);

  const demoIdp = config.demo
    ? {
        basePath: demoIdpDefaults.basePath,
        entityId: `${config.baseUrl}${demoIdpDefaults.basePath}/metadata.xml`,
        keys: demoKeyPair(config.dataDir, 'demo-idp', 'SAC Demo-IdP (Testsystem)', deps.clock.now()),
      }
    : undefined;
  const builtIn: ProviderInstance[] = demoIdp
    ? [
        {
          key: demoIdpDefaults.providerKey,
          label: 'Demo-BundID (Testsystem)',
          plugin: saml,
          options: saml.optionsSchema.parse({
            spEntityId: spUrls(config.baseUrl, demoIdpDefaults.providerKey).metadata,
            idpMetadataXml: demoIdpMetadata(demoIdp.entityId, config.baseUrl, demoIdp.basePath, demoIdp.keys),
            organizationDisplayName: 'SAC Serviceportal (Demo)',
          }),
        },
      ]
    : [];
  if (config.demo) builtIn.push(demoOidcInstance(config, oidc));

  const list = (tenantId?: string | null) => listProviderInstances(deps, registry, builtIn, tenantId);

  return {
    registry,
    saml,
    demoIdp,
    list,
    async find(key: string): Promise<ProviderInstance | undefined> {
      return (await list()).find((i) => i.key === key);
    },
    /** SAML SPs as an IdP sees them: for the demo IdP's trust list. */
    async serviceProviders(): Promise<KnownServiceProvider[]> {
      return (await list())
        .filter((i) => i.plugin.id === 'saml')
        .map((i) => {
          const options = i.options as SamlOptions;
          return {
            entityId: options.spEntityId,
            acsUrls: [spUrls(config.baseUrl, i.key).acs],
            certificatePem: (i.plugin as SamlPlugin).resolve(options).signing.certificatePem,
          };
        });
    },
  };
}

export type IdentityService = ReturnType<typeof createIdentityService>;
