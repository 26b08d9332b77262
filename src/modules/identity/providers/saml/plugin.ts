import type { Deps } from '../../../../platform/deps.ts';
import type { IdentityProviderPlugin } from '../../registry.ts';
import { checkSamlConfig } from './check-config.ts';
import { type SamlOptions, samlOptionsSchema } from './options.ts';
import { type DemoKeySource, resolveSamlOptions } from './resolved-options.ts';
import { samlClient } from './saml-client.ts';
import { verifySamlResponse } from './verify-response.ts';

export interface SamlPlugin extends IdentityProviderPlugin<SamlOptions> {
  /** Our SP metadata for this provider (served at `/konto/saml/<key>/metadata.xml`). */
  metadata(deps: Deps, key: string, options: SamlOptions): string;
  resolve(options: SamlOptions): ReturnType<typeof resolveSamlOptions>;
}

/**
 * The SAML 2.0 service provider following the BundID profile. The same code talks to BundID, to a
 * Servicekonto and to the demo IdP; only the options differ. `demoKeys` supplies generated SP keys in
 * demo mode when the options carry none.
 */
export function createSamlPlugin(demoKeys: DemoKeySource, demoMode: boolean): SamlPlugin {
  const resolve = (options: SamlOptions) => resolveSamlOptions(options, demoKeys);
  return {
    id: 'saml',
    label: 'SAML 2.0 (BundID-Profil)',
    protocol: 'saml',
    optionsSchema: samlOptionsSchema,
    demo: false,
    resolve,
    async checkConfig(options) {
      return checkSamlConfig(options, { demo: demoMode, now: new Date() });
    },
    async start(deps, instance, login) {
      let requestId = '';
      let requestInstant = '';
      const client = samlClient(resolve(instance.options), {
        baseUrl: deps.config.baseUrl,
        key: instance.key,
        level: login.trustLevel,
        onRequestId: (id, instant) => {
          requestId = id;
          requestInstant = instant;
        },
      });
      const message = await client.getAuthorizeMessageAsync('', undefined, {});
      const fields: Record<string, string> = {};
      for (const [k, v] of Object.entries(message)) if (typeof v === 'string' && v !== '') fields[k] = v;
      return {
        kind: 'post',
        url: resolve(instance.options).idp.ssoUrl,
        fields,
        pending: { requestId, requestInstant },
      };
    },
    async complete(ctx, instance) {
      const body = (ctx.request.body ?? {}) as Record<string, unknown>;
      const response = typeof body.SAMLResponse === 'string' ? body.SAMLResponse : '';
      const { requestId, requestInstant } = ctx.pending;
      const expected = requestId && requestInstant ? { id: requestId, instant: requestInstant } : undefined;
      return verifySamlResponse(ctx.deps, resolve(instance.options), instance.key, response, expected);
    },
    async logoutUrl(deps, instance, logout) {
      const resolved = resolve(instance.options);
      if (!resolved.idp.sloUrl || !logout.nameID) return undefined;
      const client = samlClient(resolved, { baseUrl: deps.config.baseUrl, key: instance.key });
      const profile = {
        issuer: resolved.idp.entityId,
        nameID: logout.nameID,
        nameIDFormat: logout.nameIDFormat ?? 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent',
        ...(logout.sessionIndex ? { sessionIndex: logout.sessionIndex } : {}),
      };
      return client.getLogoutUrlAsync(profile, '', {});
    },
    metadata(deps, key, options) {
      const resolved = resolve(options);
      const client = samlClient(resolved, { baseUrl: deps.config.baseUrl, key });
      return client.generateServiceProviderMetadata(
        resolved.encryption.certificatePem,
        resolved.signing.certificatePem,
      );
    },
  };
}
