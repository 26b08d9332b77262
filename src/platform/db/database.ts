import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { PGliteDialect } from './pglite-dialect.ts';
import type { DB } from './schema.ts';
import { TenantGuardPlugin } from './tenant-guard.ts';

export type DatabaseKind = 'pglite' | 'postgres';

/** The application's handle on its database, whichever engine is behind it. */
export interface Database {
  readonly kind: DatabaseKind;
  readonly db: Kysely<DB>;
  /** Runs a multi-statement SQL script (migrations) outside the query builder. */
  exec(script: string): Promise<void>;
  /** Runs `fn` on one dedicated connection (session-level locks); `run` executes a script and returns rows. */
  withConnection<T>(fn: (run: (script: string) => Promise<Record<string, unknown>[]>) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /** PGlite only: the data directory as a tarball, to start other instances from (test templates). */
  dumpTemplate?: () => Promise<Blob>;
}

export interface DatabaseOptions {
  /** `postgres://…` selects PostgreSQL; otherwise embedded PGlite. */
  databaseUrl?: string | undefined;
  /** PGlite data directory; `undefined` or `memory://` keeps PGlite in memory (tests). */
  pgliteDir?: string | undefined;
  poolSize?: number;
  /** PGlite only: start from this data directory dump (a migrated template; makes tests fast). */
  pgliteTemplate?: Blob | undefined;
}

// The same JavaScript types on both engines: bigint and count() as number, `date` as an ISO string.
const INT8 = 20;
const DATE = 1082;
const NUMERIC = 1700;

export async function createDatabase(options: DatabaseOptions): Promise<Database> {
  return options.databaseUrl
    ? createPostgres(options.databaseUrl, options.poolSize ?? 10)
    : createPglite(options.pgliteDir, options.pgliteTemplate);
}

async function createPglite(dir: string | undefined, template: Blob | undefined): Promise<Database> {
  if (dir && !dir.startsWith('memory://')) mkdirSync(path.dirname(dir), { recursive: true });
  const pglite = await PGlite.create(dir, {
    extensions: { pg_trgm },
    parsers: { [INT8]: Number, [DATE]: (v: string) => v, [NUMERIC]: Number },
    ...(template ? { loadDataDir: template } : {}),
  });
  const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite), plugins: [new TenantGuardPlugin()] });
  return {
    kind: 'pglite',
    db,
    async exec(script) {
      // Holds the driver's connection lock so that it waits for running transactions like any query.
      await db.connection().execute(() => pglite.exec(script));
    },
    withConnection(fn) {
      return db.connection().execute(() =>
        fn(async (script) => {
          const results = await pglite.exec(script);
          return (results.at(-1)?.rows ?? []) as Record<string, unknown>[];
        }),
      );
    },
    async close() {
      await db.destroy();
      await pglite.close();
    },
    dumpTemplate: () => pglite.dumpDataDir('none'),
  };
}

async function createPostgres(url: string, max: number): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
        if (oid === INT8 || oid === NUMERIC) return (v: string) => Number(v);
        if (oid === DATE) return (v: string) => v;
        return pg.types.getTypeParser(oid, format);
      }) as typeof pg.types.getTypeParser,
    },
  });
  // A dropped connection (e.g. PostgreSQL restart) must not crash the process; the pool reconnects.
  pool.on('error', () => {});
  // …and so must an error on a checked-out connection; the query in flight fails and is retried by its caller.
  pool.on('connect', (client) => client.on('error', () => {}));
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), plugins: [new TenantGuardPlugin()] });
  return {
    kind: 'postgres',
    db,
    async exec(script) {
      const client = await pool.connect();
      try {
        await client.query(script);
      } finally {
        client.release();
      }
    },
    async withConnection(fn) {
      const client = await pool.connect();
      try {
        return await fn(async (script) => {
          const result = (await client.query(script)) as unknown as pg.QueryResult | pg.QueryResult[];
          const last = Array.isArray(result) ? result.at(-1) : result;
          return (last?.rows ?? []) as Record<string, unknown>[];
        });
      } finally {
        client.release();
      }
    },
    async close() {
      await db.destroy();
    },
  };
}
