import { createPrivateKey, createPublicKey, X509Certificate } from 'node:crypto';
import type { ConfigCheck } from '../../../../platform/plugins/registry.ts';
import { certificateProblems } from '../../certificate-problems.ts';
import { MetadataError, parseIdpMetadata } from './idp-metadata.ts';
import type { IdpFields, SamlOptions } from './options.ts';

/** Does the private key belong to the certificate? */
function keyMatches(privateKeyPem: string, certificatePem: string): boolean {
  try {
    const fromCert = new X509Certificate(certificatePem).publicKey.export({ type: 'spki', format: 'der' });
    const fromKey = createPublicKey(createPrivateKey(privateKeyPem)).export({ type: 'spki', format: 'der' });
    return fromCert.equals(fromKey);
  } catch {
    return false;
  }
}

/**
 * Checks a SAML provider configuration and says what is wrong in words an operator can act on:
 * metadata that does not parse, missing or expired certificates, keys that do not fit, an expected IdP
 * entity id that differs from the metadata.
 */
export function checkSamlConfig(
  options: SamlOptions,
  ctx: { demo: boolean; now: Date; expectedIdpEntityId?: string | undefined },
): ConfigCheck {
  const problems: string[] = [];
  let idp: IdpFields | undefined = options.idp;
  if (options.idpMetadataXml) {
    try {
      idp = parseIdpMetadata(options.idpMetadataXml);
    } catch (error) {
      problems.push(
        error instanceof MetadataError
          ? error.message
          : 'Die Metadaten des Identitätsanbieters lassen sich nicht lesen.',
      );
    }
  }
  if (idp) {
    const expected = ctx.expectedIdpEntityId ?? options.expectedIdpEntityId;
    if (expected && idp.entityId !== expected)
      problems.push(`Die entityID in den Metadaten („${idp.entityId}“) passt nicht zur erwarteten („${expected}“).`);
    for (const [i, pem] of idp.certificatesPem.entries())
      problems.push(...certificateProblems(pem, `Das Signaturzertifikat ${i + 1} des Identitätsanbieters`, ctx.now));
  }
  if (!options.spPrivateKeyPem || !options.spCertificatePem) {
    if (!ctx.demo)
      problems.push('Es fehlt das Schlüsselpaar des Dienstanbieters (spPrivateKeyPem und spCertificatePem).');
  } else {
    problems.push(...certificateProblems(options.spCertificatePem, 'Das Zertifikat des Dienstanbieters', ctx.now));
    if (!keyMatches(options.spPrivateKeyPem, options.spCertificatePem))
      problems.push('Der private Schlüssel des Dienstanbieters passt nicht zu seinem Zertifikat.');
  }
  if (options.requireEncryptedAssertions && !options.spEncryptionPrivateKeyPem && !options.spPrivateKeyPem && !ctx.demo)
    problems.push('Verschlüsselte Assertions sind verlangt, aber es ist kein Entschlüsselungsschlüssel hinterlegt.');
  return { ok: problems.length === 0, problems };
}
