// Demo Fachverfahren (civil registry back end) for SAC's demo mode. A separate program that uses only SAC's
// public HTTP API. Environment:
//   SAC_URL                 SAC's address (default http://127.0.0.1:3000)
//   FV_DATA_DIR             keys, state and the credentials the SAC demo seed wrote (default ./data/fachverfahren)
//   FV_PORT, FV_HOST        the status page (default 3001 on 127.0.0.1)
//   FV_POLL_MS              polling interval (default 5000)
//   FV_STEP_DELAY_MS        delay before "in Bearbeitung" and before "abgeschlossen" (default 15000)
//   FV_KEY_BITS             RSA key size on first start (default 4096)
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { loadOrCreateKeys } from './crypto.ts';
import { renderPage } from './page.ts';
import { advance, type Received, receive } from './process.ts';
import { SacApi, type SacCredentials } from './sac-api.ts';

const env = process.env;
const sacUrl = (env.SAC_URL ?? 'http://127.0.0.1:3000').replace(/\/$/, '');
const dataDir = path.resolve(env.FV_DATA_DIR ?? './data/fachverfahren');
const port = Number(env.FV_PORT ?? 3001);
const host = env.FV_HOST ?? '127.0.0.1';
const pollMs = Number(env.FV_POLL_MS ?? 5000);
const stepDelayMs = Number(env.FV_STEP_DELAY_MS ?? 15_000);
const keyBits = Number(env.FV_KEY_BITS ?? 4096);

const log = (message: string, extra: Record<string, unknown> = {}) =>
  process.stdout.write(
    `${JSON.stringify({ at: new Date().toISOString(), app: 'fachverfahren', message, ...extra })}\n`,
  );

const stateFile = path.join(dataDir, 'received.json');
/** What was received; the answers (personal data) are never written to disk. */
const received: Received[] = existsSync(stateFile) ? (JSON.parse(readFileSync(stateFile, 'utf8')) as Received[]) : [];
const save = () =>
  writeFileSync(
    stateFile,
    JSON.stringify(
      received.map(({ data: _d, ...r }) => r),
      null,
      2,
    ),
    { mode: 0o600 },
  );

async function credentials(): Promise<SacCredentials> {
  const file = path.join(dataDir, 'sac-credentials.json');
  while (!existsSync(file)) await new Promise((r) => setTimeout(r, 1000));
  return JSON.parse(readFileSync(file, 'utf8')) as SacCredentials;
}

async function main(): Promise<void> {
  mkdirSync(dataDir, { recursive: true });
  const creds = await credentials();
  const keys = await loadOrCreateKeys(path.join(dataDir, 'keys.json'), keyBits);
  const api = new SacApi(sacUrl, creds);

  const server = createServer((req, res) => {
    if (req.method !== 'GET' || (req.url !== '/' && req.url !== '/index.html')) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Nicht gefunden');
      return;
    }
    res
      .writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
      })
      .end(renderPage(received, creds.destinationId));
  });
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  const address = server.address();
  const listening = typeof address === 'object' && address ? address.port : port;
  log('status page listening', { url: `http://${host}:${listening}/` });

  let registered = false;
  let stopping = false;
  const tick = async () => {
    if (!registered) {
      await api.registerKeys(keys.encryptionPublic, keys.signingPublic);
      registered = true;
      log('keys registered', { destinationId: creds.destinationId });
    }
    for (const s of await api.pending()) {
      if (received.some((r) => r.submissionId === s.submissionId)) continue;
      try {
        const r = await receive(api, keys, creds.destinationId, s.submissionId);
        received.push(r);
        save();
        log(r.hashesOk ? 'submission accepted' : 'submission rejected (hash mismatch)', {
          submissionId: r.submissionId,
        });
      } catch (error) {
        log('submission could not be processed', { submissionId: s.submissionId, error: (error as Error).message });
      }
    }
    for (const r of received) {
      try {
        if (!(await advance(api, r, stepDelayMs))) continue;
        save();
        log('status posted', { submissionId: r.submissionId, stage: r.stage });
      } catch (error) {
        log('feedback failed', { submissionId: r.submissionId, error: (error as Error).message });
      }
    }
  };
  const loop = async () => {
    while (!stopping) {
      try {
        await tick();
      } catch (error) {
        log('poll failed', { error: (error as Error).message });
      }
      await new Promise((r) => setTimeout(r, pollMs));
    }
  };
  void loop();

  const stop = () => {
    stopping = true;
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 2000).unref();
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error) => {
  log('failed to start', { error: (error as Error).message });
  process.exit(1);
});
