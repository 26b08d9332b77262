import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import pg from 'pg';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config/index.ts';
import { createDatabase, type DatabaseKind } from '../src/platform/db/database.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { createDeps } from '../src/platform/deps.ts';
import { createLogger } from '../src/platform/logger.ts';
import { seedDemo } from '../src/seed/demo.ts';

export interface RunningServer {
  baseUrl: string;
  close(): Promise<void>;
}

export const postgresServerUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * The real SAC app in this process on 127.0.0.1, with the demo seed (tenants, full catalog, offerings).
 * PGlite in a temp directory, or PostgreSQL in a throwaway database `sac_bench_<random>` dropped on close.
 */
export async function startSac(
  kind: DatabaseKind,
): Promise<RunningServer & { services: number; databaseUrl: string | undefined }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'sac-bench-'));
  const dbName = `sac_bench_${randomBytes(5).toString('hex')}`;
  let databaseUrl: string | undefined;
  if (kind === 'postgres') {
    await admin(`create database ${dbName}`);
    const url = new URL(postgresServerUrl);
    url.pathname = `/${dbName}`;
    databaseUrl = url.toString();
  }
  const config = loadConfig({
    SAC_DEMO: '1',
    SAC_DATA_DIR: dataDir,
    SAC_LOG_LEVEL: 'silent',
    SAC_WORKER: '0',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  });
  const log = createLogger('silent');
  const database = await createDatabase({ databaseUrl, pgliteDir: path.join(dataDir, 'pglite') });
  await migrate(database);
  await seedDemo(createDeps(config, database, log));
  const rows = await database.withConnection((run) => run('select count(*)::int as n from services'));
  const { app } = await buildApp({ config, database, logger: log });
  const baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    baseUrl,
    databaseUrl,
    services: Number(rows[0]?.n ?? 0),
    async close() {
      await app.close();
      await database.close();
      if (kind === 'postgres') await admin(`drop database if exists ${dbName} with (force)`);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A bare Fastify server answering every GET of `/` with the given HTML from memory: the baseline. */
export async function startBare(html: string): Promise<RunningServer> {
  const app = Fastify({ logger: false });
  app.get('/', (_request, reply) => reply.type('text/html; charset=utf-8').send(html));
  const baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
  return { baseUrl, close: () => app.close() };
}

async function admin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: postgresServerUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
