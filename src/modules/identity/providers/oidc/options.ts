import { z } from 'zod';

/** Options of the OpenID Connect client (authorization code flow with PKCE). */
export const oidcOptionsSchema = z.object({
  /** The issuer URL; its `/.well-known/openid-configuration` is read at first use. */
  issuer: z.string().url(),
  clientId: z.string().min(1),
  clientSecret: z.string().min(1).optional(),
  scope: z.string().default('openid profile email address'),
  /** `acr` values to request per trust level and to recognise in the ID token (defaults: eIDAS LoA URIs). */
  acr: z
    .object({
      basisregistrierung: z.string().default('http://eidas.europa.eu/LoA/low'),
      substantiell: z.string().default('http://eidas.europa.eu/LoA/substantial'),
      hoch: z.string().default('http://eidas.europa.eu/LoA/high'),
    })
    .prefault({}),
  /** Plain http only for a local test issuer (127.0.0.1/localhost). */
  allowInsecureHttp: z.boolean().default(false),
});

export type OidcOptions = z.infer<typeof oidcOptionsSchema>;
