import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkA11y, launchChromium, openPage } from './harness.ts';

// The real start path: `node bin/sac.js serve` in demo mode on a fresh PGlite data directory.
describe('real server (bin/sac.js serve)', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'sac-e2e-data-'));
  let child: ChildProcess | undefined;
  let output = '';
  afterAll(() => {
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves /magdeburg with the demo catalog, passes axe, and exits 0 on SIGTERM', { timeout: 90_000 }, async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const env: NodeJS.ProcessEnv = { ...process.env, SAC_DEMO: '1', SAC_DATA_DIR: dataDir, PORT: String(port) };
    Object.assign(env, { HOST: '127.0.0.1', SAC_LOG_LEVEL: 'info', SAC_BASE_URL: base });
    delete env.DATABASE_URL;
    const started = performance.now();
    const proc = spawn(process.execPath, ['bin/sac.js', 'serve'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    child = proc;
    proc.stdout?.on('data', (d) => (output += d));
    proc.stderr?.on('data', (d) => (output += d));
    const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));

    await waitFor200(`${base}/magdeburg`, 60_000, () => proc.exitCode !== null).catch((error: Error) => {
      throw new Error(`${error.message}; server output:\n${output.slice(-3000)}`);
    });
    const seconds = (performance.now() - started) / 1000;
    const listening = /"ms":(\d+)[^\n]*SAC is listening/.exec(output)?.[1];
    console.log(
      `real server: first 200 on /magdeburg ${seconds.toFixed(1)} s after spawn (fresh PGlite, demo seed; ` +
        `the server logged "listening" after ${listening ?? '?'} ms of its own start-up)`,
    );

    const search = await fetch(`${base}/magdeburg/leistungen?q=Hund`);
    expect(search.status).toBe(200);
    expect(await search.text()).toContain('Hundehaltung Anmeldung');

    const browser = await launchChromium();
    try {
      const page = await openPage(browser, `${base}/magdeburg`);
      await checkA11y(page, 'portal on the real server');
    } finally {
      await browser.close();
    }

    proc.kill('SIGTERM');
    const code = await Promise.race([exited, sleep(30_000).then(() => 'timeout' as const)]);
    expect(code, `exit after SIGTERM; output:\n${output}`).toBe(0);
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitFor200(url: string, timeoutMs: number, gaveUp: () => boolean): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (gaveUp()) throw new Error('server exited before it answered');
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      await res.arrayBuffer();
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new Error(`${url} gave no 200 within ${timeoutMs} ms`);
}
