import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { Database } from './db/database.ts';
import { migrationsCurrent } from './db/migrate.ts';

/** `/healthz`: the process runs. `/readyz`: the database answers and migrations are current. */
export function registerHealth(app: FastifyInstance, database: Database, isShuttingDown: () => boolean): void {
  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_request, reply) => {
    if (isShuttingDown()) return reply.status(503).send({ status: 'shutting_down' });
    try {
      await sql`select 1`.execute(database.db);
      if (!(await migrationsCurrent(database))) return reply.status(503).send({ status: 'migrations_pending' });
      return { status: 'ready', database: database.kind };
    } catch {
      return reply.status(503).send({ status: 'database_unreachable' });
    }
  });
}
