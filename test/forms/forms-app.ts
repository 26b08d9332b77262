import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type App, buildApp } from '../../src/app.ts';
import { type Config, loadConfig } from '../../src/config/index.ts';
import { publishDefinition } from '../../src/modules/forms/assistants-store/ops/publish-definition.ts';
import type { AssistantDefinition } from '../../src/modules/forms/definition/types.ts';
import { seedDemoTenants } from '../../src/modules/tenants/demo/seed.ts';
import { ManualClock } from '../../src/platform/clock.ts';
import { scoped } from '../../src/platform/db/scope.ts';
import { createLogger } from '../../src/platform/logger.ts';
import { MemoryMailer } from '../../src/platform/mail/mailer.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db.ts';

export const exampleDefinition = JSON.parse(
  readFileSync(new URL('../../src/modules/forms/definition/example-definition.json', import.meta.url), 'utf8'),
) as AssistantDefinition;

export interface FormsApp extends App {
  testDb: TestDatabase;
  config: Config;
  clock: ManualClock;
  mailer: MemoryMailer;
  tenantIds: Map<string, string>;
  /** Publishes a definition and lets the tenants offer it online. */
  offer(definition: AssistantDefinition, tenants?: string[]): Promise<void>;
  close(): Promise<void>;
}

let serviceCounter = 0;

/**
 * The full app on a fresh database with the demo tenants, a memory mailer and a manual clock; the
 * example definition is published and offered by magdeburg and halberstadt.
 */
export async function createFormsApp(options: { env?: Record<string, string> } = {}): Promise<FormsApp> {
  const testDb = await createTestDatabase();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'sac-forms-'));
  const config = loadConfig({
    SAC_DEMO: '1',
    SAC_DATA_DIR: dataDir,
    SAC_LOG_LEVEL: 'silent',
    SAC_WORKER: '0',
    ...options.env,
  });
  const clock = new ManualClock('2026-03-10T09:00:00Z');
  const mailer = new MemoryMailer();
  const tenantIds = await seedDemoTenants({ database: testDb.database });
  const built = await buildApp({ config, database: testDb.database, logger: createLogger('silent'), clock, mailer });
  await built.app.ready();
  const db = testDb.database.db;
  const offer = async (definition: AssistantDefinition, tenants = ['magdeburg', 'halberstadt']) => {
    await publishDefinition(testDb.database, definition);
    const key = `9900000${String(++serviceCounter).padStart(7, '0')}`;
    const service = await db
      .insertInto('services')
      .values({ leika_key: key, slug: `test-${definition.id}-${serviceCounter}`, name: `Test ${definition.id}` })
      .onConflict((oc) => oc.column('leika_key').doNothing())
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const slug of tenants) {
      const existing = await scoped(db, tenantIds.get(slug)!)
        .selectFrom('offerings')
        .select('id')
        .where('assistant_id', '=', definition.id)
        .executeTakeFirst();
      if (existing) continue;
      await scoped(db, tenantIds.get(slug)!)
        .insertInto('offerings', { service_id: service.id, online: true, assistant_id: definition.id })
        .execute();
    }
  };
  await offer(exampleDefinition);
  return {
    ...built,
    testDb,
    config,
    clock,
    mailer,
    tenantIds,
    offer,
    async close() {
      await built.app.close();
      await testDb.cleanup();
    },
  };
}

/** The example definition under another id, with an optional e-mail field on the first step. */
export function exampleWithEmail(id = 'beispiel-mit-mail', version = '1.0.0'): AssistantDefinition {
  const def = structuredClone(exampleDefinition);
  def.id = id;
  def.version = version;
  def.steps[0]!.fields.push({ id: 'email', type: 'email', label: 'E-Mail-Adresse' });
  return def;
}
