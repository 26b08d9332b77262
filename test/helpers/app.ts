import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Logger } from 'pino';
import { type App, buildApp } from '../../src/app.ts';
import { type Config, loadConfig } from '../../src/config/index.ts';
import { seedDemoTenants } from '../../src/modules/tenants/demo/seed.ts';
import { type Clock, ManualClock } from '../../src/platform/clock.ts';
import { createLogger } from '../../src/platform/logger.ts';
import type { Mailer } from '../../src/platform/mail/mailer.ts';
import { createTestDatabase, type TestDatabase } from './test-db.ts';

export interface TestApp extends App {
  testDb: TestDatabase;
  config: Config;
  clock: Clock;
  tenantIds: Map<string, string>;
  close(): Promise<void>;
}

/**
 * A full application on a fresh test database (engine from SAC_TEST_DB) with the demo tenants seeded.
 * Pass `seed: false` for an empty database, `env` to override configuration, `clock` to control time.
 */
export async function createTestApp(
  options: {
    env?: Record<string, string>;
    clock?: Clock;
    seed?: boolean;
    extend?: (app: FastifyInstance) => void;
    logger?: Logger;
    mailer?: Mailer;
  } = {},
): Promise<TestApp> {
  const testDb = await createTestDatabase();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'sac-app-'));
  const config = loadConfig({
    SAC_DEMO: '1',
    SAC_DATA_DIR: dataDir,
    SAC_LOG_LEVEL: 'silent',
    SAC_WORKER: '0',
    ...options.env,
  });
  const clock = options.clock ?? new ManualClock(new Date());
  const tenantIds =
    options.seed === false ? new Map<string, string>() : await seedDemoTenants({ database: testDb.database });
  const built = await buildApp({
    config,
    database: testDb.database,
    logger: options.logger ?? createLogger('silent'),
    clock,
    ...(options.mailer ? { mailer: options.mailer } : {}),
  });
  options.extend?.(built.app);
  await built.app.ready();
  return {
    ...built,
    testDb,
    config,
    clock,
    tenantIds,
    async close() {
      await built.app.close();
      await testDb.cleanup();
    },
  };
}

/** Cookie jar for `app.inject` journeys: keeps the cookies a response sets for the next request. */
export class Browser {
  readonly cookies = new Map<string, string>();
  constructor(private readonly app: FastifyInstance) {}

  get cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private keep(res: LightMyRequestResponse): LightMyRequestResponse {
    for (const c of res.cookies as Array<{ name: string; value: string; maxAge?: number; expires?: Date }>) {
      const expired = c.maxAge === 0 || (c.expires && c.expires.getTime() < Date.now()) || c.value === '';
      if (expired) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    return res;
  }

  async get(url: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    return this.keep(await this.app.inject({ method: 'GET', url, headers: { cookie: this.cookieHeader, ...headers } }));
  }

  async post(
    url: string,
    form: Record<string, string | string[]>,
    headers: Record<string, string> = {},
  ): Promise<LightMyRequestResponse> {
    const body = new URLSearchParams();
    for (const [k, v] of Object.entries(form)) for (const item of Array.isArray(v) ? v : [v]) body.append(k, item);
    return this.keep(
      await this.app.inject({
        method: 'POST',
        url,
        payload: body.toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: this.cookieHeader, ...headers },
      }),
    );
  }
}

/** The value of the hidden `_csrf` field in a rendered form. */
export function csrfFrom(html: string): string {
  const m = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!m) throw new Error('no _csrf field in page');
  return m[1]!;
}
