import { pemBody } from '../providers/saml/idp-metadata.ts';
import type { KeyPairPem } from '../self-signed-certificate.ts';
import { xmlEscape as x } from './xml-escape.ts';

/** SAML metadata of a demo IdP instance: entity id, SSO (POST) and SLO (Redirect) endpoints, signing key. */
export function demoIdpMetadata(entityId: string, baseUrl: string, basePath: string, keys: KeyPairPem): string {
  const cert = pemBody(keys.certificatePem);
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" entityID="${x(entityId)}">` +
    '<md:IDPSSODescriptor WantAuthnRequestsSigned="true" protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">' +
    `<md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>${cert}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>` +
    `<md:SingleLogoutService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="${x(baseUrl + basePath)}/slo"/>` +
    '<md:NameIDFormat>urn:oasis:names:tc:SAML:2.0:nameid-format:persistent</md:NameIDFormat>' +
    `<md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="${x(baseUrl + basePath)}/sso"/>` +
    '</md:IDPSSODescriptor></md:EntityDescriptor>\n'
  );
}
