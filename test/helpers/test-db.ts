import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createDatabase, type Database, type DatabaseKind } from '../../src/platform/db/database.ts';
import { migrate } from '../../src/platform/db/migrate.ts';

/**
 * A fresh, migrated database for one test file (or one test).
 *
 *   const { database, cleanup } = await createTestDatabase();
 *   afterAll(cleanup);
 *
 * The engine comes from `kind`, else env `SAC_TEST_DB` ('pglite' | 'postgres'), else 'pglite'.
 * - pglite: in memory, gone after `cleanup()`.
 * - postgres: a new database `sac_test_<random>` on the server of `TEST_DATABASE_URL`
 *   (default postgres://postgres@127.0.0.1:5432/postgres), dropped by `cleanup()`. `databaseUrl` lets a
 *   test open more connections to the same database (a second pool, a child process).
 */
export interface TestDatabase {
  database: Database;
  kind: DatabaseKind;
  /** postgres only: URL of the throwaway database. */
  databaseUrl: string | undefined;
  /** Closes the database and, on PostgreSQL, drops it. Safe to call twice. */
  cleanup(): Promise<void>;
}

export function testDatabaseKind(): DatabaseKind {
  const value = process.env.SAC_TEST_DB ?? 'pglite';
  if (value !== 'pglite' && value !== 'postgres')
    throw new Error(`SAC_TEST_DB must be pglite or postgres, not "${value}"`);
  return value;
}

export const testServerUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export async function createTestDatabase(kind: DatabaseKind = testDatabaseKind()): Promise<TestDatabase> {
  if (kind === 'pglite') {
    const database = await createDatabase({});
    await migrate(database);
    let closed = false;
    return {
      database,
      kind,
      databaseUrl: undefined,
      async cleanup() {
        if (closed) return;
        closed = true;
        await database.close();
      },
    };
  }

  const name = `sac_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(`create database ${name}`);
  const url = new URL(testServerUrl);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  let database: Database | undefined;
  let closed = false;
  const cleanup = async () => {
    if (closed) return;
    closed = true;
    await database?.close();
    await adminQuery(`drop database if exists ${name} with (force)`);
  };
  try {
    database = await createDatabase({ databaseUrl });
    await migrate(database);
  } catch (error) {
    await cleanup();
    throw error;
  }
  return { database, kind, databaseUrl, cleanup };
}

async function adminQuery(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: testServerUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
