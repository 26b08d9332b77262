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
import { advance, logSummary, type Received, receive } from './process.ts';
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

/** The credentials file the SAC demo seed writes: one destination and client per demo municipality. */
interface CredentialsFile {
  apiUrl: string;
  feedbackUrl: string;
  destinations?: (Omit<SacCredentials, 'apiUrl' | 'feedbackUrl'> & { tenant: string; tenantName?: string })[];
  /** Older single-destination form. */
  destinationId?: string;
  clientId?: string;
  clientSecret?: string;
}

interface Destination {
  tenant: string;
  tenantName: string;
  destinationId: string;
  api: SacApi;
  registered: boolean;
}

async function destinations(): Promise<Destination[]> {
  const file = path.join(dataDir, 'sac-credentials.json');
  while (!existsSync(file)) await new Promise((r) => setTimeout(r, 1000));
  const c = JSON.parse(readFileSync(file, 'utf8')) as CredentialsFile;
  const list = c.destinations ?? [
    { tenant: '', destinationId: c.destinationId!, clientId: c.clientId!, clientSecret: c.clientSecret! },
  ];
  return list.map((d) => ({
    tenant: d.tenant,
    tenantName: d.tenantName ?? d.tenant,
    destinationId: d.destinationId,
    api: new SacApi(sacUrl, { ...d, apiUrl: c.apiUrl, feedbackUrl: c.feedbackUrl }),
    registered: false,
  }));
}

async function main(): Promise<void> {
  mkdirSync(dataDir, { recursive: true });
  const all = await destinations();
  // One key pair for the whole program, registered at every destination (one Standesamt software serving
  // several municipalities); SAC encrypts each destination's submissions to the key registered there.
  const keys = await loadOrCreateKeys(path.join(dataDir, 'keys.json'), keyBits);
  const byDestination = new Map(all.map((d) => [d.destinationId, d]));

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
      .end(renderPage(received, all));
  });
  const listened = await new Promise<boolean>((resolve) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      log('status page could not listen; exiting', { port, code: error.code, error: error.message });
      resolve(false);
    });
    server.listen(port, host, () => resolve(true));
  });
  if (!listened) process.exit(1);
  const address = server.address();
  const listening = typeof address === 'object' && address ? address.port : port;
  log('status page listening', { url: `http://${host}:${listening}/` });

  let stopping = false;
  const tick = async () => {
    for (const d of all) {
      try {
        if (!d.registered) {
          await d.api.registerKeys(keys.encryptionPublic, keys.signingPublic);
          d.registered = true;
          log('keys registered', { tenant: d.tenant, destinationId: d.destinationId });
        }
        for (const s of await d.api.pending()) {
          if (received.some((r) => r.submissionId === s.submissionId)) continue;
          try {
            const r = { ...(await receive(d.api, keys, d.destinationId, s.submissionId)), tenant: d.tenant };
            received.push(r);
            save();
            log(r.hashesOk ? 'submission accepted' : 'submission rejected (hash mismatch)', {
              tenant: d.tenant,
              submissionId: r.submissionId,
              ...logSummary(r),
            });
          } catch (error) {
            log('submission could not be processed', {
              submissionId: s.submissionId,
              error: (error as Error).message,
            });
          }
        }
      } catch (error) {
        log('poll failed', { tenant: d.tenant, error: (error as Error).message });
      }
    }
    for (const r of received) {
      const d = byDestination.get(r.destinationId) ?? all[0]!;
      try {
        if (!(await advance(d.api, r, stepDelayMs))) continue;
        save();
        log('status posted', { tenant: d.tenant, submissionId: r.submissionId, stage: r.stage });
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

// Started by SAC with an IPC channel: exit as soon as SAC is gone (even after SIGKILL). Standalone: no channel.
if (process.channel) {
  process.once('disconnect', () => {
    log('SAC is gone; exiting');
    process.exit(0);
  });
}

main().catch((error) => {
  log('failed to start', { error: (error as Error).message });
  process.exit(1);
});
