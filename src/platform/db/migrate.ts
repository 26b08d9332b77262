import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { Database } from './database.ts';

export const migrationsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../migrations');

/** The migration files shipped with this build, in order (`0001_name.sql` → version `0001_name`). */
export function availableMigrations(dir = migrationsDir): { version: string; file: string }[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: f.replace(/\.sql$/, ''), file: path.join(dir, f) }));
}

/**
 * Applies pending migrations, each in its own transaction, on one connection. On PostgreSQL a session
 * advisory lock keeps two processes starting at once from racing; PGlite has a single connection anyway.
 */
export async function migrate(database: Database): Promise<string[]> {
  const lockKey = 4_711_001;
  return database.withConnection(async (run) => {
    const applied: string[] = [];
    if (database.kind === 'postgres') await run(`select pg_advisory_lock(${lockKey})`);
    try {
      await run(
        'create table if not exists schema_migrations (version text primary key, applied_at timestamptz not null default now())',
      );
      const done = new Set((await run('select version from schema_migrations')).map((r) => String(r.version)));
      for (const m of availableMigrations()) {
        if (done.has(m.version)) continue;
        const body = readFileSync(m.file, 'utf8');
        await run(`begin;\n${body}\n;\ninsert into schema_migrations (version) values ('${m.version}');\ncommit;`);
        applied.push(m.version);
      }
    } catch (err) {
      await run('rollback').catch(() => {});
      throw err;
    } finally {
      if (database.kind === 'postgres') await run(`select pg_advisory_unlock(${lockKey})`);
    }
    return applied;
  });
}

/** Readiness: the database answers and every shipped migration is applied. */
export async function migrationsCurrent(database: Database): Promise<boolean> {
  const rows = await sql<{ version: string }>`select version from schema_migrations`.execute(database.db);
  const done = new Set(rows.rows.map((r) => r.version));
  return availableMigrations().every((m) => done.has(m.version));
}
