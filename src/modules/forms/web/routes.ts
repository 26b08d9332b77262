import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../../platform/deps.ts';
import { publishShippedAssistants } from '../assistants-store/ops/publish-shipped-assistants.ts';
import { registerCheckRoutes } from './routes/check-routes.tsx';
import { registerConsentRoutes } from './routes/consent-routes.tsx';
import { registerReceiptRoutes } from './routes/receipt-routes.tsx';
import { registerResumeRoutes } from './routes/resume-routes.tsx';
import { registerStartRoutes } from './routes/start-routes.tsx';
import { registerStepRoutes } from './routes/step-routes.ts';

/**
 * The form assistants under `/{tenant}/antrag/…`: start, steps, consent, check, submit, receipt, resume.
 * In demo mode the shipped definitions in `assistants/` are published when the app starts.
 */
export function registerFormRoutes(app: FastifyInstance, deps: Deps): void {
  registerStartRoutes(app, deps);
  registerResumeRoutes(app, deps);
  registerReceiptRoutes(app, deps);
  registerConsentRoutes(app, deps);
  registerCheckRoutes(app, deps);
  registerStepRoutes(app, deps);
  if (deps.config.demo) {
    app.addHook('onReady', async () => {
      const report = await publishShippedAssistants(deps.database);
      if (report.published.length > 0) deps.log.info({ published: report.published }, 'assistants published');
      for (const invalid of report.invalid) deps.log.warn(invalid, 'assistant definition not published');
    });
  }
}
