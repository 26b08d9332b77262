import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyFormbody from '@fastify/formbody';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, LogController } from 'fastify';
import type { Logger } from 'pino';
import type { Config } from './config/index.ts';
import { registerAccountRoutes } from './modules/account/routes.ts';
import { registerCatalogRoutes } from './modules/catalog/routes.tsx';
import { registerDeliveryRoutes } from './modules/delivery/admin/routes.tsx';
import { registerFeedbackRoutes } from './modules/delivery/feedback/routes.ts';
import { registerFitRoutes } from './modules/delivery/fit/routes.ts';
import { registerUploads } from './modules/forms/uploads/index.ts';
import { registerFormRoutes } from './modules/forms/web/routes.ts';
import { registerIdentityRoutes } from './modules/identity/routes.tsx';
import { registerPaymentRoutes } from './modules/payment/routes.ts';
import { registerStaffRoutes } from './modules/staff/routes.tsx';
import { registerDocumentRoutes } from './modules/submissions/documents/routes.ts';
import { registerTenantRoutes } from './modules/tenants/routes.tsx';
import type { Clock } from './platform/clock.ts';
import type { Database } from './platform/db/database.ts';
import { createDeps, type Deps } from './platform/deps.ts';
import { registerHealth } from './platform/health.ts';
import { registerCsrf } from './platform/http/csrf.ts';
import { registerErrorHandling } from './platform/http/error-handler.tsx';
import { registerPageContext } from './platform/http/page-context.ts';
import { registerSecurityHeaders } from './platform/http/security-headers.ts';
import { registerSessions } from './platform/http/session.ts';
import { queueDepth } from './platform/jobs/index.ts';
import type { Mailer } from './platform/mail/mailer.ts';
import { registerMetrics } from './platform/metrics.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const kernDist = path.join(path.dirname(require.resolve('@kern-ux/native/package.json')), 'dist');
const assetVersion = (require('../package.json') as { version: string }).version;

export interface AppOptions {
  config: Config;
  database: Database;
  logger: Logger;
  clock?: Clock;
  mailer?: Mailer;
}

export interface App {
  app: FastifyInstance;
  deps: Deps;
  /** Every route as registered (method, url, config): for route-table-driven tests such as CSRF (F-18). */
  routes: ReadonlyArray<{ method: string; url: string; csrf: boolean | undefined }>;
  /** Marks the app as draining: /readyz answers 503 so load balancers stop sending traffic. */
  beginShutdown(): void;
}

/** Builds the HTTP application: platform plugins first, then the domain modules. */
export async function buildApp(options: AppOptions): Promise<App> {
  const { config, database, logger } = options;
  const deps: Deps = createDeps(config, database, logger, { clock: options.clock, mailer: options.mailer });
  const clock = deps.clock;
  let shuttingDown = false;

  const app = Fastify({
    loggerInstance: logger as FastifyBaseLogger,
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    // Never log query strings: search terms and codes may be personal.
    logController: new LogController({ disableRequestLogging: true }),
    routerOptions: { maxParamLength: 200, ignoreTrailingSlash: true },
  });
  const routes: { method: string; url: string; csrf: boolean | undefined }[] = [];
  app.addHook('onRoute', (route) => {
    const csrf = (route.config as { csrf?: boolean } | undefined)?.csrf;
    for (const method of [route.method].flat()) routes.push({ method, url: route.url, csrf });
  });
  app.addHook('onResponse', async (request, reply) => {
    request.log.info(
      {
        method: request.method,
        route: request.routeOptions.url ?? 'unmatched',
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
      },
      'request',
    );
  });

  await app.register(fastifyCookie);
  await app.register(fastifyFormbody, { bodyLimit: 1024 * 1024 });
  await registerUploads(app);
  await app.register(fastifyStatic, {
    root: kernDist,
    prefix: '/assets/kern/',
    maxAge: '7d',
    immutable: true,
    index: false,
  });
  await app.register(fastifyStatic, {
    root: path.join(root, 'public'),
    prefix: '/assets/',
    decorateReply: false,
    maxAge: '1h',
    index: false,
  });

  registerSecurityHeaders(app, { secure: config.secure, frameAncestors: config.frameAncestors });
  registerSessions(app, {
    db: database.db,
    clock,
    secure: config.secure,
    idleMinutes: config.sessionIdleMinutes,
    absoluteHours: config.sessionAbsoluteHours,
  });
  registerCsrf(app);
  registerPageContext(app, { demo: config.demo, assetVersion, secure: config.secure });
  const metrics = registerMetrics(app, { queueDepth: () => queueDepth(database.db) });
  registerHealth(app, database, () => shuttingDown);
  registerErrorHandling(app);

  registerTenantRoutes(app, deps);
  registerCatalogRoutes(app, deps);
  registerIdentityRoutes(app, deps);
  registerFormRoutes(app, deps);
  registerStaffRoutes(app, deps);
  registerDeliveryRoutes(app, deps, metrics);
  registerPaymentRoutes(app, deps, metrics);
  registerFitRoutes(app, deps);
  registerFeedbackRoutes(app, deps);
  registerDocumentRoutes(app, deps);
  registerAccountRoutes(app, deps);

  return {
    app,
    deps,
    routes,
    beginShutdown() {
      shuttingDown = true;
    },
  };
}
