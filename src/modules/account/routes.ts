import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../platform/deps.ts';
import { registerKontoRoutes } from './web/konto-routes.tsx';
import { registerMailboxRoutes } from './web/mailbox-routes.tsx';
import { registerStatusRoutes } from './web/status-routes.tsx';

/**
 * Mein Konto (`/konto`, `/konto/antraege`, `/konto/postfach`) and the status lookup without an account
 * (`/{tenant}/status`). Other modules reach a citizen's application through `inbox-api.ts`.
 */
export function registerAccountRoutes(app: FastifyInstance, deps: Deps): void {
  registerKontoRoutes(app, deps);
  registerMailboxRoutes(app, deps);
  registerStatusRoutes(app, deps);
}
