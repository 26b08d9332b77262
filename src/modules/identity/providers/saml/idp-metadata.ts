import { DOMParser, type Element } from '@xmldom/xmldom';
import type { IdpFields } from './options.ts';

const MD = 'urn:oasis:names:tc:SAML:2.0:metadata';
const DS = 'http://www.w3.org/2000/09/xmldsig#';
const POST = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST';
const REDIRECT = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect';

export class MetadataError extends Error {}

function children(parent: Element, ns: string, name: string): Element[] {
  return Array.from(parent.getElementsByTagNameNS(ns, name));
}

function endpoint(descriptor: Element, name: string, preferred: string[]): string | undefined {
  const services = children(descriptor, MD, name);
  for (const binding of preferred) {
    const hit = services.find((s) => s.getAttribute('Binding') === binding);
    if (hit) return hit.getAttribute('Location') ?? undefined;
  }
  return undefined;
}

/** Reads an IdP's entity id, SSO/SLO endpoints and signing certificates from SAML metadata. */
export function parseIdpMetadata(xml: string): IdpFields {
  let doc: ReturnType<DOMParser['parseFromString']>;
  try {
    doc = new DOMParser({ onError: () => {} }).parseFromString(xml, 'text/xml');
  } catch (error) {
    throw new MetadataError('Die Metadaten des Identitätsanbieters sind kein gültiges XML.', { cause: error });
  }
  const root = doc.documentElement;
  if (root?.localName !== 'EntityDescriptor' || root.namespaceURI !== MD)
    throw new MetadataError('Die Metadaten enthalten keinen SAML-EntityDescriptor.');
  const entityId = root.getAttribute('entityID');
  if (!entityId) throw new MetadataError('In den Metadaten fehlt die entityID des Identitätsanbieters.');
  const descriptor = children(root, MD, 'IDPSSODescriptor')[0];
  if (!descriptor)
    throw new MetadataError('Die Metadaten beschreiben keinen Identitätsanbieter (IDPSSODescriptor fehlt).');
  const ssoUrl = endpoint(descriptor, 'SingleSignOnService', [POST, REDIRECT]);
  if (!ssoUrl) throw new MetadataError('In den Metadaten fehlt der Anmelde-Endpunkt (SingleSignOnService).');
  const sloUrl = endpoint(descriptor, 'SingleLogoutService', [REDIRECT, POST]);
  const certificatesPem = children(descriptor, MD, 'KeyDescriptor')
    .filter((k) => (k.getAttribute('use') ?? 'signing') === 'signing')
    .flatMap((k) => children(k, DS, 'X509Certificate'))
    .map((c) => toPem(c.textContent ?? ''))
    .filter((c) => c.length > 60);
  if (certificatesPem.length === 0)
    throw new MetadataError('In den Metadaten fehlt das Signaturzertifikat des Identitätsanbieters.');
  return { entityId, ssoUrl, ...(sloUrl ? { sloUrl } : {}), certificatesPem };
}

export function toPem(base64: string): string {
  const body = base64.replace(/\s+/g, '').replace(/.{1,64}/g, '$&\n');
  return `-----BEGIN CERTIFICATE-----\n${body}-----END CERTIFICATE-----\n`;
}

/** The base64 body of a PEM certificate (for metadata and KeyInfo). */
export function pemBody(pem: string): string {
  return pem.replace(/-----(BEGIN|END) [A-Z ]+-----/g, '').replace(/\s+/g, '');
}
