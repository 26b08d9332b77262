import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../platform/deps.ts';

/** Portal, search and service pages (placeholder until the catalog module lands). */
export function registerCatalogRoutes(_app: FastifyInstance, _deps: Deps): void {}
