import { buildJobRegistry } from '../../src/jobs.ts';
import { type DemoFachverfahren, startDemoFachverfahren } from '../../src/modules/delivery/fit/demo-process.ts';
import { systemClock } from '../../src/platform/clock.ts';
import { runWorker, type Worker } from '../../src/platform/jobs/index.ts';
import { createLogger } from '../../src/platform/logger.ts';
import { seedDemo } from '../../src/seed/demo.ts';
import { createTestApp, type TestApp } from './app.ts';
import { freePort } from './free-port.ts';

export interface DemoStack {
  t: TestApp;
  worker: Worker;
  fv: DemoFachverfahren;
  /** The demo Fachverfahren's stdout, one entry per complete line (JSON log lines). */
  fvLines: string[];
  stop(): Promise<void>;
}

/**
 * The demo as `npm start` runs it, for end-to-end tests: the app listening on its own port with SAC_BASE_URL
 * pointing at itself, on the real clock (the child signs with it), the demo seed, the real job worker and
 * the demo Fachverfahren as a child process with short poll and step intervals.
 */
export async function startDemoStack(): Promise<DemoStack> {
  const port = await freePort();
  const t = await createTestApp({ env: { SAC_BASE_URL: `http://127.0.0.1:${port}` }, clock: systemClock });
  await seedDemo(t.deps);
  await t.app.listen({ port, host: '127.0.0.1' });
  const worker = runWorker(
    t.deps.database,
    { clock: systemClock, pollIntervalMs: 200, concurrency: 2 },
    buildJobRegistry(t.deps),
  );
  const fv = startDemoFachverfahren({
    sacUrl: t.config.baseUrl,
    dataDir: t.config.dataDir,
    log: createLogger('silent'),
    env: { FV_PORT: '0', FV_POLL_MS: '300', FV_STEP_DELAY_MS: '500', FV_KEY_BITS: '2048' },
  });
  const fvLines: string[] = [];
  let buffer = '';
  fv.child.stdout?.setEncoding('utf8');
  fv.child.stdout?.on('data', (chunk: string) => {
    const lines = (buffer + chunk).split('\n');
    buffer = lines.pop() ?? '';
    fvLines.push(...lines.filter(Boolean));
  });
  return {
    t,
    worker,
    fv,
    fvLines,
    async stop() {
      await fv.stop();
      await worker.stop();
      await t.close();
    },
  };
}
