import * as client from 'openid-client';
import { type IdentityProviderPlugin, LoginRejected } from '../../registry.ts';
import { attributesFromClaims, trustLevelFromAcr } from './claims.ts';
import { oidcConfiguration } from './discovery-cache.ts';
import { type OidcOptions, oidcOptionsSchema } from './options.ts';

export const oidcCallbackPath = (key: string) => `/konto/oidc/${key}/callback`;

const claimReasons: Record<string, string> = {
  iss: 'wrong_issuer',
  nonce: 'wrong_nonce',
  aud: 'wrong_audience',
  azp: 'wrong_audience',
  exp: 'expired',
  iat: 'expired',
};

/**
 * openid-client's checks → stable reason codes for the audit log. The details sit in the cause chain
 * (they include the claims, so they are never logged themselves).
 */
function classify(error: unknown): string {
  const chain: Array<{ message?: string; error?: string; claim?: string; code?: string }> = [];
  for (let e = error as { cause?: unknown } | undefined, i = 0; e && i < 5; e = e.cause as typeof e, i++)
    chain.push(e as never);
  if (chain.some((e) => e.error === 'invalid_grant')) return 'code_rejected';
  const claim = chain.find((e) => typeof e.claim === 'string')?.claim;
  if (claim) return claimReasons[claim] ?? 'invalid_id_token';
  const text = chain
    .map((e) => `${e.message ?? ''} ${e.code ?? ''}`)
    .join(' ')
    .toLowerCase();
  if (text.includes('state') || chain.some((e) => 'parameters' in e)) return 'wrong_state';
  if (text.includes('expired') || text.includes('timestamp')) return 'expired';
  return 'invalid_response';
}

/** The OpenID Connect client: authorization code + PKCE, `state`, `nonce`, and `acr` for the trust level. */
export function createOidcPlugin(): IdentityProviderPlugin<OidcOptions> {
  return {
    id: 'oidc',
    label: 'OpenID Connect',
    protocol: 'oidc',
    optionsSchema: oidcOptionsSchema,
    demo: false,
    async checkConfig(options) {
      try {
        const config = await oidcConfiguration(options);
        const meta = config.serverMetadata();
        const problems: string[] = [];
        if (meta.issuer !== options.issuer)
          problems.push(`Der Anbieter meldet sich als „${meta.issuer}“, konfiguriert ist „${options.issuer}“.`);
        if (meta.code_challenge_methods_supported && !meta.code_challenge_methods_supported.includes('S256'))
          problems.push('Der Anbieter unterstützt kein PKCE mit S256.');
        return { ok: problems.length === 0, problems };
      } catch {
        return {
          ok: false,
          problems: [
            `Der Anbieter unter ${options.issuer} ist nicht erreichbar oder liefert keine gültige OpenID-Konfiguration.`,
          ],
        };
      }
    },
    async start(deps, instance, login) {
      const config = await oidcConfiguration(instance.options);
      const verifier = client.randomPKCECodeVerifier();
      const state = client.randomState();
      const nonce = client.randomNonce();
      const url = client.buildAuthorizationUrl(config, {
        redirect_uri: `${deps.config.baseUrl}${oidcCallbackPath(instance.key)}`,
        scope: instance.options.scope,
        code_challenge: await client.calculatePKCECodeChallenge(verifier),
        code_challenge_method: 'S256',
        state,
        nonce,
        acr_values: instance.options.acr[login.trustLevel],
      });
      return { kind: 'redirect', url: url.href, pending: { state, nonce, verifier } };
    },
    async complete(ctx, instance) {
      const { state, nonce, verifier } = ctx.pending;
      if (!state || !nonce || !verifier) throw new LoginRejected('no_pending_login');
      const config = await oidcConfiguration(instance.options);
      const currentUrl = new URL(ctx.request.url, ctx.deps.config.baseUrl);
      let claims: Record<string, unknown> | undefined;
      try {
        const tokens = await client.authorizationCodeGrant(config, currentUrl, {
          pkceCodeVerifier: verifier,
          expectedState: state,
          expectedNonce: nonce,
          idTokenExpected: true,
        });
        claims = tokens.claims() as Record<string, unknown> | undefined;
      } catch (error) {
        throw new LoginRejected(classify(error), { cause: error });
      }
      const sub = claims?.sub;
      if (typeof sub !== 'string' || !sub) throw new LoginRejected('no_pseudonym');
      const level = trustLevelFromAcr(claims?.acr, instance.options);
      if (!level || level === 'none') throw new LoginRejected('no_trust_level');
      return { pseudonym: sub, trustLevel: level, attributes: attributesFromClaims(claims ?? {}) };
    },
  };
}
