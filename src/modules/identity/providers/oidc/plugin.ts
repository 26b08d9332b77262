import * as client from 'openid-client';
import { type IdentityProviderPlugin, LoginRejected } from '../../registry.ts';
import { isTrustLevel, meetsTrustLevel } from '../../trust-levels.ts';
import { checkOidcConfig } from './check-config.ts';
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

type ErrorLink = { message?: string; error?: unknown; claim?: string; code?: string };

/**
 * openid-client's checks → stable reason codes for the audit log. The details sit in the cause chain
 * (they include the claims, so they are never logged themselves).
 */
export function classifyOidcError(error: unknown): string {
  const chain: ErrorLink[] = [];
  for (let e = error as { cause?: unknown } | undefined, i = 0; e && typeof e === 'object' && i < 5; i++) {
    chain.push(e as ErrorLink);
    e = e.cause as typeof e;
  }
  const oauthError = chain.find((e) => typeof e.error === 'string')?.error as string | undefined;
  if (oauthError === 'invalid_grant') return 'code_rejected';
  if (oauthError === 'invalid_client') return 'client_rejected';
  if (oauthError === 'access_denied') return 'cancelled';
  if (oauthError) return 'provider_error';
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
    checkConfig: (options) => checkOidcConfig(options),
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
      return { kind: 'redirect', url: url.href, pending: { state, nonce, verifier, level: login.trustLevel } };
    },
    async complete(ctx, instance) {
      const { state, nonce, verifier, level: requested } = ctx.pending;
      if (!state || !nonce || !verifier) throw new LoginRejected('no_pending_login');
      const config = await oidcConfiguration(instance.options);
      const currentUrl = new URL(ctx.request.url, ctx.deps.config.baseUrl);
      let claims: Record<string, unknown> | undefined;
      let profile: Record<string, unknown> = {};
      try {
        const tokens = await client.authorizationCodeGrant(config, currentUrl, {
          pkceCodeVerifier: verifier,
          expectedState: state,
          expectedNonce: nonce,
          idTokenExpected: true,
        });
        claims = tokens.claims() as Record<string, unknown> | undefined;
        const sub = claims?.sub;
        // Profile claims may come only from userinfo; its `sub` must be the ID token's.
        if (typeof sub === 'string' && tokens.access_token && config.serverMetadata().userinfo_endpoint)
          profile = (await client.fetchUserInfo(config, tokens.access_token, sub)) as Record<string, unknown>;
      } catch (error) {
        throw new LoginRejected(classifyOidcError(error), { cause: error });
      }
      const sub = claims?.sub;
      if (typeof sub !== 'string' || !sub) throw new LoginRejected('no_pseudonym');
      const level = trustLevelFromAcr(claims?.acr, instance.options);
      if (!level || level === 'none') throw new LoginRejected('no_trust_level');
      // The provider may answer with a lower level than asked for: that login does not count.
      if (isTrustLevel(requested) && !meetsTrustLevel(level, requested)) throw new LoginRejected('trust_level_too_low');
      return { pseudonym: sub, trustLevel: level, attributes: attributesFromClaims({ ...profile, ...claims }) };
    },
  };
}
