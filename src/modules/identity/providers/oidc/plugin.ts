import { z } from 'zod';
import type { IdentityProviderPlugin } from '../../registry.ts';

/** Placeholder until the OpenID Connect client lands. */
export function createOidcPlugin(): IdentityProviderPlugin<unknown> {
  return {
    id: 'oidc',
    label: 'OpenID Connect',
    protocol: 'oidc',
    optionsSchema: z.unknown(),
    demo: false,
    async checkConfig() {
      return { ok: false, problems: ['noch nicht verfügbar'] };
    },
    async start() {
      throw new Error('not implemented');
    },
    async complete() {
      throw new Error('not implemented');
    },
  };
}
