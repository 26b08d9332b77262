import path from 'node:path';
import type { Logger } from 'pino';
import { buildApp } from './app.ts';
import type { Config } from './config/index.ts';
import { buildJobRegistry, periodicJobs } from './jobs.ts';
import { startDemoFachverfahren } from './modules/delivery/fit/demo-process.ts';
import { demoStaffBanner } from './modules/staff/demo/seed.ts';
import { createDatabase, type Database } from './platform/db/database.ts';
import { migrate } from './platform/db/migrate.ts';
import { createDeps } from './platform/deps.ts';
import { runWorker, startScheduler } from './platform/jobs/index.ts';
import { seedDemo } from './seed/demo.ts';

/** Opens the configured database: PostgreSQL when DATABASE_URL is set, else PGlite in SAC_DATA_DIR. */
export function openDatabase(config: Config): Promise<Database> {
  return createDatabase({ databaseUrl: config.databaseUrl, pgliteDir: path.join(config.dataDir, 'pglite') });
}

export interface ServeOptions {
  web: boolean;
  worker: boolean;
}

/**
 * Runs the web server and/or the job worker until SIGTERM/SIGINT, then drains: stop accepting,
 * finish in-flight requests and jobs, close the database, exit 0 (F-35).
 */
export async function serve(config: Config, log: Logger, opts: ServeOptions): Promise<void> {
  const started = Date.now();
  const database = await openDatabase(config);
  const applied = await migrate(database);
  if (applied.length) log.info({ applied }, 'migrations applied');
  const deps = createDeps(config, database, log);
  const demo = config.demo ? await seedDemo(deps) : undefined;

  const stops: Array<() => Promise<void>> = [];
  let beginShutdown = () => {};
  if (opts.web) {
    const built = await buildApp({ config, database, logger: log, mailer: deps.mailer });
    beginShutdown = built.beginShutdown;
    await built.app.listen({ port: config.port, host: config.host });
    stops.push(() => built.app.close());
    const url = config.baseUrl;
    log.info({ url, database: database.kind, ms: Date.now() - started }, 'SAC is listening');
    if (config.demo) {
      process.stdout.write(`\nSAC demo is ready: ${url}/magdeburg  (database: ${database.kind})\n\n`);
      if (demo) process.stdout.write(`${demoStaffBanner(demo.staff, url)}\n`);
      // The demo Fachverfahren (examples/fachverfahren): a child process using SAC's public API, stopped first.
      // SAC_DEMO_FACHVERFAHREN=0 skips it (e.g. tests that kill SAC, or a second demo instance).
      if (process.env.SAC_DEMO_FACHVERFAHREN !== '0') {
        const fv = startDemoFachverfahren({ sacUrl: `http://127.0.0.1:${config.port}`, dataDir: config.dataDir, log });
        stops.unshift(() => fv.stop());
      }
    }
  }
  if (opts.worker) {
    const worker = runWorker(
      database,
      { logger: log, clock: deps.clock, concurrency: config.workerConcurrency },
      buildJobRegistry(deps),
    );
    const stopScheduler = startScheduler(database, periodicJobs, {
      clock: deps.clock,
      onError: (e) => log.warn({ err: { message: (e as Error).message } }, 'scheduling periodic jobs failed'),
    });
    stops.push(async () => {
      stopScheduler();
      await worker.stop();
    });
    log.info('job worker started');
  }

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    beginShutdown();
    const force = setTimeout(() => {
      log.error('shutdown timed out');
      process.exit(1);
    }, 25_000);
    force.unref();
    for (const stop of stops) await stop();
    await database.close();
    log.info('stopped');
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
}
