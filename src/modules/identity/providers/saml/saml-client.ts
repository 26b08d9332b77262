import { type CacheProvider, SAML, ValidateInResponseTo } from '@node-saml/node-saml';
import type { TrustLevel } from '../../trust-levels.ts';
import { storkLevelFor } from '../../trust-levels.ts';
import { akdbAuthenticationRequest } from './akdb-extension.ts';
import type { ResolvedSaml } from './resolved-options.ts';

/** Our endpoints for one provider key, all under the stable `/konto/saml/<key>/…`. */
export function spUrls(baseUrl: string, key: string) {
  const base = `${baseUrl}/konto/saml/${key}`;
  return { metadata: `${base}/metadata.xml`, acs: `${base}/acs`, slo: `${base}/slo` };
}

/**
 * `InResponseTo` is checked against the one request id kept in *this browser's* session, so a response
 * to someone else's request, an unsolicited response and a second use are all refused.
 */
function sessionBoundCache(
  expected: { id: string; instant: string } | undefined,
  onSave: (id: string, instant: string) => void,
): CacheProvider {
  return {
    async saveAsync(key, value) {
      onSave(key, value);
      return { value, createdAt: Date.now() };
    },
    async getAsync(key) {
      return expected && key === expected.id ? expected.instant : null;
    },
    async removeAsync(key) {
      return key;
    },
  };
}

export interface SamlClientOptions {
  baseUrl: string;
  key: string;
  level?: Exclude<TrustLevel, 'none'>;
  /** The AuthnRequest this session sent (id and IssueInstant). */
  expectedRequest?: { id: string; instant: string } | undefined;
  onRequestId?: (id: string, instant: string) => void;
}

/** A node-saml client configured strictly for the BundID profile (one per request; cheap to make). */
export function samlClient(resolved: ResolvedSaml, o: SamlClientOptions): SAML {
  const { options, idp, signing, encryption } = resolved;
  const urls = spUrls(o.baseUrl, o.key);
  const level = o.level ?? 'basisregistrierung';
  return new SAML({
    issuer: options.spEntityId,
    audience: options.spEntityId,
    callbackUrl: urls.acs,
    logoutCallbackUrl: urls.slo,
    entryPoint: idp.ssoUrl,
    logoutUrl: idp.sloUrl ?? idp.ssoUrl,
    idpCert: idp.certificatesPem,
    idpIssuer: idp.entityId,
    privateKey: signing.privateKeyPem,
    publicCert: signing.certificatePem,
    decryptionPvk: encryption.privateKeyPem,
    signatureAlgorithm: 'sha256',
    digestAlgorithm: 'sha256',
    authnRequestBinding: 'HTTP-POST',
    skipRequestCompression: true,
    identifierFormat: 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent',
    authnContext: [storkLevelFor(level)],
    racComparison: 'minimum',
    samlAuthnRequestExtensions: akdbAuthenticationRequest(level, options),
    wantAssertionsSigned: true,
    wantAuthnResponseSigned: options.requireSignedResponse,
    acceptedClockSkewMs: options.clockSkewSeconds * 1000,
    validateInResponseTo: ValidateInResponseTo.always,
    requestIdExpirationPeriodMs: 15 * 60_000,
    cacheProvider: sessionBoundCache(o.expectedRequest, o.onRequestId ?? (() => {})),
  });
}
