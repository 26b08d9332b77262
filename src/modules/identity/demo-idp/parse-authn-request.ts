import { DOMParser, type Element } from '@xmldom/xmldom';
import { SignedXml } from 'xml-crypto';
import { parseReportedTrustLevel, type TrustLevel } from '../trust-levels.ts';

const SAMLP = 'urn:oasis:names:tc:SAML:2.0:protocol';
const SAML = 'urn:oasis:names:tc:SAML:2.0:assertion';
const DS = 'http://www.w3.org/2000/09/xmldsig#';

export interface AuthnRequestInfo {
  id: string;
  issuer: string;
  acsUrl: string | undefined;
  /** The minimum level asked for in RequestedAuthnContext. */
  requestedLevel: Exclude<TrustLevel, 'none'>;
  /** The BundID OnlineServiceId from the akdb extension, if any. */
  onlineServiceId: string | undefined;
}

/** A service provider the IdP knows (from its metadata, in a real IdP). */
export interface KnownServiceProvider {
  entityId: string;
  acsUrls: string[];
  certificatePem: string;
}

export class AuthnRequestError extends Error {}

function child(parent: Element, ns: string, name: string): Element | undefined {
  return Array.from(parent.childNodes).find(
    (n): n is Element => n.nodeType === 1 && (n as Element).localName === name && (n as Element).namespaceURI === ns,
  );
}

/**
 * Parses a POST-binding AuthnRequest and checks its enveloped signature against the registered SP's
 * certificate; the signature must cover the request element itself.
 */
export function parseAuthnRequest(
  samlRequest: string,
  findServiceProvider: (entityId: string) => KnownServiceProvider | undefined,
): AuthnRequestInfo {
  const xml = Buffer.from(samlRequest, 'base64').toString('utf8');
  const doc = new DOMParser({ onError: () => {} }).parseFromString(xml, 'text/xml');
  const root = doc.documentElement;
  if (root?.localName !== 'AuthnRequest' || root.namespaceURI !== SAMLP)
    throw new AuthnRequestError('Die Anfrage ist kein SAML-AuthnRequest.');
  const id = root.getAttribute('ID') ?? '';
  const issuer = child(root, SAML, 'Issuer')?.textContent?.trim() ?? '';
  const sp = findServiceProvider(issuer);
  if (!sp) throw new AuthnRequestError(`Der Dienstanbieter „${issuer}“ ist diesem Testsystem nicht bekannt.`);
  const signature = child(root, DS, 'Signature');
  if (!signature) throw new AuthnRequestError('Die Anfrage ist nicht signiert.');
  const verifier = new SignedXml({ publicCert: sp.certificatePem });
  verifier.loadSignature(signature as unknown as Node);
  let valid = false;
  try {
    valid = verifier.checkSignature(xml);
  } catch {
    valid = false;
  }
  const references = verifier.getReferences();
  if (!valid || references.length !== 1 || references[0]!.uri !== `#${id}`)
    throw new AuthnRequestError('Die Signatur der Anfrage ist ungültig.');
  const acsUrl = root.getAttribute('AssertionConsumerServiceURL') ?? undefined;
  if (acsUrl && !sp.acsUrls.includes(acsUrl))
    throw new AuthnRequestError('Die Rücksprungadresse gehört nicht zum Dienstanbieter.');
  const classRef = Array.from(root.getElementsByTagNameNS(SAML, 'AuthnContextClassRef'))[0]?.textContent;
  const level = parseReportedTrustLevel(classRef ?? '') ?? 'basisregistrierung';
  const serviceId = Array.from(
    root.getElementsByTagNameNS('https://www.akdb.de/request/2018/09/classic-ui/v1', 'OnlineServiceId'),
  )[0];
  return {
    id,
    issuer,
    acsUrl,
    requestedLevel: level === 'none' ? 'basisregistrierung' : level,
    onlineServiceId: serviceId?.textContent ?? undefined,
  };
}
