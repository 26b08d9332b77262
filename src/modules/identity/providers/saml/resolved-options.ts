import type { KeyPairPem } from '../../self-signed-certificate.ts';
import { parseIdpMetadata } from './idp-metadata.ts';
import type { IdpFields, SamlOptions } from './options.ts';

/** SAML options with the IdP resolved from metadata and the SP keys chosen. */
export interface ResolvedSaml {
  options: SamlOptions;
  idp: IdpFields;
  signing: KeyPairPem;
  encryption: KeyPairPem;
}

/** Where demo-mode SP keys come from (undefined outside demo mode). */
export type DemoKeySource = () => KeyPairPem | undefined;

export class SamlConfigError extends Error {}

export function resolveSamlOptions(options: SamlOptions, demoKeys: DemoKeySource): ResolvedSaml {
  const idp = options.idp ?? parseIdpMetadata(options.idpMetadataXml!);
  if (options.expectedIdpEntityId && idp.entityId !== options.expectedIdpEntityId)
    throw new SamlConfigError('Die entityID in den Metadaten passt nicht zur erwarteten.');
  const configured =
    options.spPrivateKeyPem && options.spCertificatePem
      ? { privateKeyPem: options.spPrivateKeyPem, certificatePem: options.spCertificatePem }
      : undefined;
  const signing = configured ?? demoKeys();
  if (!signing)
    throw new SamlConfigError(
      'Es ist kein Schlüsselpaar des Dienstanbieters (spPrivateKeyPem, spCertificatePem) hinterlegt.',
    );
  const encryption =
    options.spEncryptionPrivateKeyPem && options.spEncryptionCertificatePem
      ? { privateKeyPem: options.spEncryptionPrivateKeyPem, certificatePem: options.spEncryptionCertificatePem }
      : signing;
  return { options, idp, signing, encryption };
}
