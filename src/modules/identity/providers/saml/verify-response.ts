import type { Profile } from '@node-saml/node-saml';
import type { Deps } from '../../../../platform/deps.ts';
import { LoginRejected, type VerifiedIdentity } from '../../registry.ts';
import { parseReportedTrustLevel } from '../../trust-levels.ts';
import { mapBundIdAttributes } from './bundid-attributes.ts';
import { rememberAssertion } from './replay-cache.ts';
import type { ResolvedSaml } from './resolved-options.ts';
import { samlClient, spUrls } from './saml-client.ts';

/** node-saml's error messages → stable reason codes for the audit log. */
function classify(error: unknown): string {
  const m = String((error as Error)?.message ?? '').toLowerCase();
  if (m.includes('inresponseto')) return 'unknown_request';
  if (m.includes('signature')) return 'invalid_signature';
  if (m.includes('audience')) return 'wrong_audience';
  // node-saml drops bearer confirmations only for their time window, then reports none as valid.
  if (m.includes('expired') || m.includes('not yet valid') || m.includes('subject confirmation')) return 'expired';
  if (m.includes('issuer')) return 'wrong_issuer';
  if (m.includes('saml provider returned')) return 'idp_error';
  return 'invalid_response';
}

type XmlJs = { $?: Record<string, string>; _?: string; [k: string]: unknown };
const node = (v: unknown): XmlJs | undefined => (Array.isArray(v) ? (v[0] as XmlJs) : (v as XmlJs | undefined));

/**
 * Verifies a SAML response posted to our ACS: signature (assertion always), audience, issuer,
 * InResponseTo bound to this session's request, validity window with a small skew, and a one-time use of
 * the assertion id. Returns the mapped identity or throws LoginRejected.
 */
export async function verifySamlResponse(
  deps: Deps,
  resolved: ResolvedSaml,
  key: string,
  samlResponse: string,
  expectedRequest: { id: string; instant: string } | undefined,
): Promise<VerifiedIdentity> {
  if (!expectedRequest) throw new LoginRejected('unsolicited_response');
  const xml = Buffer.from(samlResponse, 'base64').toString('utf8');
  if (resolved.options.requireEncryptedAssertions && !/EncryptedAssertion[\s>]/.test(xml))
    throw new LoginRejected('assertion_not_encrypted');
  const client = samlClient(resolved, { baseUrl: deps.config.baseUrl, key, expectedRequest });
  let profile: Profile | null;
  try {
    ({ profile } = await client.validatePostResponseAsync({ SAMLResponse: samlResponse }));
  } catch (error) {
    throw new LoginRejected(classify(error), { cause: error });
  }
  if (!profile) throw new LoginRejected('no_assertion');
  if (profile.issuer !== resolved.idp.entityId) throw new LoginRejected('wrong_issuer');

  const assertion = node((profile.getAssertion?.() as { Assertion?: unknown } | undefined)?.Assertion);
  const assertionId = assertion?.$?.ID;
  if (!assertionId) throw new LoginRejected('invalid_response');
  // node-saml checks the confirmation's time but not where it was meant to go.
  const confirmation = node(node(node(assertion.Subject)?.SubjectConfirmation)?.SubjectConfirmationData)?.$;
  if (confirmation?.Recipient !== spUrls(deps.config.baseUrl, key).acs) throw new LoginRejected('wrong_recipient');
  const notOnOrAfter = node(assertion.Conditions)?.$?.NotOnOrAfter;
  const now = deps.clock.now();
  const expiresAt = notOnOrAfter
    ? new Date(Date.parse(notOnOrAfter) + 3_600_000)
    : new Date(now.getTime() + 86_400_000);
  if (!(await rememberAssertion(deps.database.db, assertionId, expiresAt, now)))
    throw new LoginRejected('replayed_assertion');

  const mapped = mapBundIdAttributes(profile as Record<string, unknown>);
  const classRef = node(node(node(assertion.AuthnStatement)?.AuthnContext)?.AuthnContextClassRef)?._;
  const level = mapped.reportedLevel ?? parseReportedTrustLevel(classRef);
  if (!mapped.pseudonym) throw new LoginRejected('no_pseudonym');
  if (!level || level === 'none') throw new LoginRejected('no_trust_level');
  const logout: Record<string, string> = { nameID: profile.nameID, nameIDFormat: profile.nameIDFormat };
  if (profile.sessionIndex) logout.sessionIndex = profile.sessionIndex;
  return { pseudonym: mapped.pseudonym, trustLevel: level, attributes: mapped.attributes, logout };
}
