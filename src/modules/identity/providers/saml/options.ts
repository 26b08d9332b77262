import { z } from 'zod';

const pem = z.string().min(64, 'ist kein PEM-Text');

/** The IdP given field by field, when no metadata document is at hand. */
const idpFields = z.object({
  entityId: z.string().min(1),
  ssoUrl: z.string().url(),
  sloUrl: z.string().url().optional(),
  certificatesPem: z.array(pem).min(1),
});

/**
 * Options of the SAML 2.0 service provider (BundID profile). Either `idpMetadataXml` or `idp`. SP keys
 * are required outside demo mode; in demo mode a key pair is generated into the data directory.
 */
export const samlOptionsSchema = z
  .object({
    /** Our entity id as registered with the IdP (usually the metadata URL). */
    spEntityId: z.string().min(1),
    idpMetadataXml: z.string().min(1).optional(),
    /** The IdP entity id the operator expects; checkConfig() reports metadata for another entity. */
    expectedIdpEntityId: z.string().min(1).optional(),
    idp: idpFields.optional(),
    spPrivateKeyPem: pem.optional(),
    spCertificatePem: pem.optional(),
    /** Separate key for encrypted assertions; defaults to the signing key. */
    spEncryptionPrivateKeyPem: pem.optional(),
    spEncryptionCertificatePem: pem.optional(),
    /** Refuse assertions that were not encrypted for us. */
    requireEncryptedAssertions: z.boolean().default(false),
    /** Also require a signature on the Response element (assertions are always required to be signed). */
    requireSignedResponse: z.boolean().default(false),
    clockSkewSeconds: z.number().int().min(0).max(300).default(60),
    /** BundID display information: the organisation and the service id assigned by the BMI ("BMI-…"). */
    organizationDisplayName: z.string().min(1).optional(),
    onlineServiceId: z.string().min(1).optional(),
  })
  .refine((o) => !!o.idpMetadataXml !== !!o.idp, {
    message: 'Geben Sie entweder idpMetadataXml oder idp an (genau eines von beiden).',
  })
  .refine((o) => !!o.spPrivateKeyPem === !!o.spCertificatePem, {
    message: 'spPrivateKeyPem und spCertificatePem gehören zusammen.',
  });

export type SamlOptions = z.infer<typeof samlOptionsSchema>;
export type IdpFields = z.infer<typeof idpFields>;
