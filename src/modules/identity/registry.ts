import type { FastifyRequest } from 'fastify';
import type { Deps } from '../../platform/deps.ts';
import { type Plugin, PluginRegistry } from '../../platform/plugins/registry.ts';
import type { TrustLevel } from './trust-levels.ts';

/** What a provider learned about the citizen; attributes are for pre-fill and stay in the session. */
export interface VerifiedIdentity {
  /** The provider's stable pseudonym (bPK2 for BundID, `sub` for OIDC) — hashed before storing. */
  pseudonym: string;
  trustLevel: Exclude<TrustLevel, 'none'>;
  attributes: CitizenAttributes;
  /** What a later single logout needs (SAML NameID and SessionIndex); no personal data. */
  logout?: Record<string, string> | undefined;
}

/** Identity attributes used to pre-fill forms (FIM `vorbefuellung`). All optional. */
export interface CitizenAttributes {
  givenName?: string;
  surname?: string;
  /** ISO date YYYY-MM-DD. */
  birthdate?: string;
  street?: string;
  postalCode?: string;
  locality?: string;
  /** ISO 3166 alpha-2. */
  country?: string;
  email?: string;
}

/** One configured provider instance: a plug-in with parsed options, under a URL-safe key. */
export interface ProviderInstance<TOptions = unknown> {
  key: string;
  label: string;
  plugin: IdentityProviderPlugin<TOptions>;
  options: TOptions;
}

/** Where a login started from and what it asked for, kept in the session until the provider answers. */
export interface LoginRequest {
  trustLevel: Exclude<TrustLevel, 'none'>;
  returnTo: string;
}

/** How the browser continues to the provider: a redirect or an auto-submitted POST form. */
export type LoginStart =
  | { kind: 'redirect'; url: string; pending: Record<string, string> }
  | { kind: 'post'; url: string; fields: Record<string, string>; pending: Record<string, string> };

export interface CompleteContext {
  deps: Deps;
  request: FastifyRequest;
  /** What `start` asked to keep in the session (request id, state, nonce, verifier). */
  pending: Record<string, string>;
}

/** Thrown by providers when a response must be refused; `reason` is a technical code for the audit log. */
export class LoginRejected extends Error {
  constructor(
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(reason, options);
  }
}

/** The identity-provider plug-in contract: the common plug-in shape plus starting and completing a login. */
export interface IdentityProviderPlugin<TOptions = unknown> extends Plugin<TOptions> {
  readonly protocol: 'saml' | 'oidc';
  start(deps: Deps, instance: ProviderInstance<TOptions>, login: LoginRequest): Promise<LoginStart>;
  complete(ctx: CompleteContext, instance: ProviderInstance<TOptions>): Promise<VerifiedIdentity>;
  /** Where to send the browser after the local logout (single logout), if the provider supports it. */
  logoutUrl?(
    deps: Deps,
    instance: ProviderInstance<TOptions>,
    logout: Record<string, string>,
  ): Promise<string | undefined>;
}

// biome-ignore lint/suspicious/noExplicitAny: the registry holds plug-ins of any options type.
export type AnyIdentityProvider = IdentityProviderPlugin<any>;

/** The identity-provider registry for one application. */
export function createIdentityRegistry(demoMode: boolean, plugins: AnyIdentityProvider[]) {
  const registry = new PluginRegistry<AnyIdentityProvider>('identity provider', demoMode);
  for (const p of plugins) registry.register(p);
  return registry;
}
