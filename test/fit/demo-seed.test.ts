import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer, type Server } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoCatalog } from '../../src/modules/catalog/demo/seed.ts';
import { startDemoFachverfahren } from '../../src/modules/delivery/fit/demo-process.ts';
import { demoFachverfahrenDir, demoFitDestinations, seedDemoFit } from '../../src/modules/delivery/fit/demo-seed.ts';
import { listRoutes } from '../../src/modules/delivery/routes-config/repo.ts';
import { scoped } from '../../src/platform/db/scope.ts';
import { createLogger } from '../../src/platform/logger.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemoCatalog(t.deps, t.tenantIds);
  await seedDemoFit(t.deps, t.tenantIds);
}, 120_000);
afterAll(async () => {
  await t?.close();
});

describe('demo FIT seed', () => {
  const snapshot = async () => {
    const result: Record<string, { destinations: number; clients: number; fitRoutes: string[]; assistants: string[] }> =
      {};
    for (const d of demoFitDestinations) {
      const tenantId = t.tenantIds.get(d.tenantSlug)!;
      const s = scoped(t.deps.database.db, tenantId);
      const destinations = await s.selectFrom('fit_destinations').select('id').execute();
      const clients = await s.selectFrom('fit_clients').select('client_id').execute();
      const routes = (await listRoutes(t.deps, tenantId)).filter((r) => r.connectorId === 'fit-connect');
      const offerings = await s
        .selectFrom('offerings')
        .select(['id', 'assistant_id'])
        .where('assistant_id', 'is not', null)
        .where('online', '=', true)
        .execute();
      expect(routes.every((r) => (r.options as { destinationId?: string }).destinationId === d.destinationId)).toBe(
        true,
      );
      result[d.tenantSlug] = {
        destinations: destinations.filter((x) => x.id === d.destinationId).length,
        clients: clients.filter((c) => c.client_id === d.clientId).length,
        fitRoutes: routes.map((r) => r.offeringId).sort(),
        assistants: offerings.map((o) => o.id).sort(),
      };
    }
    return result;
  };

  it('gives every demo municipality a destination, a client and a FIT route on each offering with an assistant', async () => {
    const before = await snapshot();
    for (const d of demoFitDestinations) {
      const s = before[d.tenantSlug]!;
      expect(s.destinations, d.tenantSlug).toBe(1);
      expect(s.clients, d.tenantSlug).toBe(1);
      expect(s.assistants.length, d.tenantSlug).toBeGreaterThan(0);
      expect(s.fitRoutes, d.tenantSlug).toEqual(s.assistants);
    }
    // Begrüßungsgeld is Wernigerode's only.
    const wernigerode = scoped(t.deps.database.db, t.tenantIds.get('wernigerode')!);
    const bg = await wernigerode
      .selectFrom('offerings')
      .select('id')
      .where('assistant_id', '=', 'begruessungsgeld')
      .executeTakeFirst();
    expect(before.wernigerode!.fitRoutes).toContain(bg?.id);

    const file = JSON.parse(
      readFileSync(path.join(demoFachverfahrenDir(t.config.dataDir), 'sac-credentials.json'), 'utf8'),
    ) as { destinations: { tenant: string; destinationId: string; clientId: string }[] };
    expect(file.destinations.map((d) => d.tenant)).toEqual(demoFitDestinations.map((d) => d.tenantSlug));

    // Idempotent: a restart seeds again and nothing is duplicated.
    await seedDemoFit(t.deps, t.tenantIds);
    expect(await snapshot()).toEqual(before);
  });
});

/** Waits for a JSON log line of the demo Fachverfahren with `message`. */
function waitForLine(lines: string[], message: string, timeoutMs = 60_000): Promise<Record<string, unknown>> {
  const end = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const check = () => {
      for (const l of lines) {
        try {
          const j = JSON.parse(l) as Record<string, unknown>;
          if (j.message === message) return resolve(j);
        } catch {}
      }
      if (Date.now() > end) return reject(new Error(`no "${message}" in:\n${lines.join('\n')}`));
      setTimeout(check, 100);
    };
    check();
  });
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  // A zombie (exited, not yet reaped by init) counts as gone.
  const status = `/proc/${pid}/status`;
  return !(existsSync(status) && /^State:\s+Z/m.test(readFileSync(status, 'utf8')));
};

describe('demo Fachverfahren process', { timeout: 90_000 }, () => {
  it('exits when its parent is killed with SIGKILL', async () => {
    // A stand-in SAC API that answers every call with success: the program keeps polling without a word,
    // so nothing but the closed IPC channel can tell it that its parent is gone.
    const sac = createHttpServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ access_token: 'demo', expires_in: 3600, submissions: [] }));
    });
    await new Promise<void>((r) => sac.listen(0, '127.0.0.1', r));
    const sacUrl = `http://127.0.0.1:${(sac.address() as { port: number }).port}`;
    try {
      await orphanCheck(sacUrl);
    } finally {
      sac.close();
    }
  });

  async function orphanCheck(sacUrl: string) {
    const parent = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(import.meta.dirname, 'demo-seed-orphan.fixture.ts'), sacUrl, t.config.dataDir, '0'],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const lines: string[] = [];
    parent.stdout.on('data', (c: Buffer) => lines.push(...c.toString().split('\n').filter(Boolean)));
    const { pid } = (await waitForLine(lines, 'fv pid')) as { pid: number };
    await waitForLine(lines, 'status page listening');
    await waitForLine(lines, 'keys registered');
    expect(alive(pid)).toBe(true);
    parent.kill('SIGKILL');
    const end = Date.now() + 30_000;
    while (alive(pid) && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
    const survived = alive(pid);
    if (survived) process.kill(pid, 'SIGKILL');
    expect(survived).toBe(false);
  }

  it('logs a port already in use and exits, leaving its parent running', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    const port = (blocker.address() as { port: number }).port;
    try {
      const fv = startDemoFachverfahren({
        sacUrl: 'http://127.0.0.1:9',
        dataDir: t.config.dataDir,
        log: createLogger('silent'),
        env: { FV_PORT: String(port), FV_KEY_BITS: '2048' },
      });
      const lines: string[] = [];
      fv.child.stdout?.on('data', (c: string) => lines.push(...c.split('\n').filter(Boolean)));
      const code = await new Promise<number | null>((r) => fv.child.once('close', (c) => r(c)));
      expect(code).toBe(1);
      const line = await waitForLine(lines, 'status page could not listen; exiting', 1000);
      expect(line.code).toBe('EADDRINUSE');
      // This process (SAC's stand-in) is still here and serving.
      expect((await t.app.inject({ url: '/magdeburg' })).statusCode).toBe(200);
    } finally {
      blocker.close();
    }
  });
});
