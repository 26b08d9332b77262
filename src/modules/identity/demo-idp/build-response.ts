import { randomBytes } from 'node:crypto';
import { SignedXml } from 'xml-crypto';
import { bundIdOids } from '../providers/saml/bundid-attributes.ts';
import type { CitizenAttributes } from '../registry.ts';
import type { KeyPairPem } from '../self-signed-certificate.ts';
import { storkLevelFor, type TrustLevel } from '../trust-levels.ts';
import { xmlEscape as x } from './xml-escape.ts';

const RSA_SHA256 = 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256';
const SHA256 = 'http://www.w3.org/2001/04/xmlenc#sha256';
const EXC_C14N = 'http://www.w3.org/2001/10/xml-exc-c14n#';
const ENVELOPED = 'http://www.w3.org/2000/09/xmldsig#enveloped-signature';

export interface ResponseInput {
  idpEntityId: string;
  keys: KeyPairPem;
  /** The SP's ACS URL (Destination, Recipient). */
  acsUrl: string;
  audience: string;
  inResponseTo: string;
  nameId: string;
  pseudonym: string;
  trustLevel: Exclude<TrustLevel, 'none'>;
  method: string;
  attributes: CitizenAttributes;
  now: Date;
  /** Minutes the assertion is valid (default 5). */
  validMinutes?: number;
  /** Attribute names with a space after `urn:oid:`, as some simulators send them. */
  spacedOids?: boolean;
}

const newId = () => `_${randomBytes(20).toString('hex')}`;

function attribute(name: string, value: string | undefined, spaced: boolean): string {
  if (!value) return '';
  const n = spaced ? name.replace('urn:oid:', 'urn:oid: ') : name;
  return `<saml2:Attribute Name="${x(n)}" NameFormat="urn:oasis:names:tc:SAML:2.0:attrname-format:uri"><saml2:AttributeValue>${x(value)}</saml2:AttributeValue></saml2:Attribute>`;
}

function sign(xml: string, keys: KeyPairPem, element: 'Assertion' | 'Response'): string {
  const sig = new SignedXml({
    privateKey: keys.privateKeyPem,
    publicCert: keys.certificatePem,
    signatureAlgorithm: RSA_SHA256,
    canonicalizationAlgorithm: EXC_C14N,
  });
  const target = element === 'Assertion' ? "//*[local-name(.)='Assertion']" : "/*[local-name(.)='Response']";
  sig.addReference({ xpath: target, digestAlgorithm: SHA256, transforms: [ENVELOPED, EXC_C14N] });
  sig.computeSignature(xml, { location: { reference: `${target}/*[local-name(.)='Issuer']`, action: 'after' } });
  return sig.getSignedXml();
}

/** A SAML Response with one assertion carrying BundID attributes; assertion and response are signed. */
export function buildSamlResponse(input: ResponseInput): string {
  const iso = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const now = iso(input.now);
  const notBefore = iso(new Date(input.now.getTime() - 60_000));
  const until = iso(new Date(input.now.getTime() + (input.validMinutes ?? 5) * 60_000));
  const spaced = input.spacedOids ?? false;
  const a = input.attributes;
  const level = storkLevelFor(input.trustLevel);
  const attributes = [
    attribute(bundIdOids.bpk2, input.pseudonym, spaced),
    attribute(bundIdOids.givenName, a.givenName, spaced),
    attribute(bundIdOids.surname, a.surname, spaced),
    attribute(bundIdOids.birthdate, a.birthdate, spaced),
    attribute(bundIdOids.street, a.street, spaced),
    attribute(bundIdOids.postalCode, a.postalCode, spaced),
    attribute(bundIdOids.locality, a.locality, spaced),
    attribute(bundIdOids.country, a.country, spaced),
    attribute(bundIdOids.mail, a.email, spaced),
    attribute(bundIdOids.trustLevel, level, spaced),
    attribute('urn:oid:1.3.6.1.4.1.25484.494450.2', input.method, spaced),
  ].join('');
  const issuer = `<saml2:Issuer xmlns:saml2="urn:oasis:names:tc:SAML:2.0:assertion">${x(input.idpEntityId)}</saml2:Issuer>`;
  const assertion =
    `<saml2:Assertion xmlns:saml2="urn:oasis:names:tc:SAML:2.0:assertion" ID="${newId()}" IssueInstant="${now}" Version="2.0">` +
    issuer +
    `<saml2:Subject><saml2:NameID Format="urn:oasis:names:tc:SAML:2.0:nameid-format:persistent">${x(input.nameId)}</saml2:NameID>` +
    `<saml2:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer"><saml2:SubjectConfirmationData InResponseTo="${x(input.inResponseTo)}" NotOnOrAfter="${until}" Recipient="${x(input.acsUrl)}"/></saml2:SubjectConfirmation></saml2:Subject>` +
    `<saml2:Conditions NotBefore="${notBefore}" NotOnOrAfter="${until}"><saml2:AudienceRestriction><saml2:Audience>${x(input.audience)}</saml2:Audience></saml2:AudienceRestriction></saml2:Conditions>` +
    `<saml2:AuthnStatement AuthnInstant="${now}" SessionIndex="${newId()}"><saml2:AuthnContext><saml2:AuthnContextClassRef>${level}</saml2:AuthnContextClassRef></saml2:AuthnContext></saml2:AuthnStatement>` +
    `<saml2:AttributeStatement>${attributes}</saml2:AttributeStatement>` +
    '</saml2:Assertion>';
  const response =
    `<saml2p:Response xmlns:saml2p="urn:oasis:names:tc:SAML:2.0:protocol" ID="${newId()}" InResponseTo="${x(input.inResponseTo)}" IssueInstant="${now}" Destination="${x(input.acsUrl)}" Version="2.0">` +
    issuer +
    '<saml2p:Status><saml2p:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></saml2p:Status>' +
    assertion +
    '</saml2p:Response>';
  return sign(sign(response, input.keys, 'Assertion'), input.keys, 'Response');
}
