import { loadConfig } from '../config/index.ts';
import { openDatabase, serve } from '../main.ts';
import { runCatalogCommand } from '../modules/catalog/catalog-command.ts';
import { formsValidateCommand } from '../modules/forms/definition/forms-validate-command.ts';
import { fimImportCommand } from '../modules/forms/fim/fim-import-command.ts';
import { demoTotpCommand, usersCommand } from '../modules/staff/users-command.ts';
import { migrate } from '../platform/db/migrate.ts';
import { createDeps } from '../platform/deps.ts';
import { createLogger } from '../platform/logger.ts';
import { seedDemo } from '../seed/demo.ts';

export interface Command {
  args?: string;
  help: string;
  /** Returns the exit code; -1 keeps the process running (servers). */
  run(args: string[]): Promise<number>;
}

function withDatabase(
  fn: (ctx: {
    config: ReturnType<typeof loadConfig>;
    database: Awaited<ReturnType<typeof openDatabase>>;
  }) => Promise<number>,
) {
  return async () => {
    const config = loadConfig();
    const database = await openDatabase(config);
    try {
      return await fn({ config, database });
    } finally {
      await database.close();
    }
  };
}

export const commands: Record<string, Command> = {
  serve: {
    help: 'web server and job worker in one process (default for npm start)',
    async run() {
      const config = loadConfig();
      await serve(config, createLogger(config.logLevel), { web: true, worker: config.runWorker });
      return -1;
    },
  },
  web: {
    help: 'web server only',
    async run() {
      const config = loadConfig();
      await serve(config, createLogger(config.logLevel), { web: true, worker: false });
      return -1;
    },
  },
  worker: {
    help: 'job worker only',
    async run() {
      const config = loadConfig();
      await serve(config, createLogger(config.logLevel), { web: false, worker: true });
      return -1;
    },
  },
  migrate: {
    help: 'apply pending database migrations',
    run: withDatabase(async ({ database }) => {
      const applied = await migrate(database);
      process.stdout.write(applied.length ? `Applied: ${applied.join(', ')}\n` : 'Database is up to date.\n');
      return 0;
    }),
  },
  seed: {
    args: '--demo',
    help: 'load the demo tenants, catalog and offerings',
    async run(args) {
      if (!args.includes('--demo')) {
        process.stderr.write('Usage: sac seed --demo\n');
        return 2;
      }
      return withDatabase(async ({ config, database }) => {
        await migrate(database);
        await seedDemo(createDeps(config, database, createLogger(config.logLevel)));
        process.stdout.write('Demo data is in place.\n');
        return 0;
      })();
    },
  },
  catalog: {
    args: 'import <file.csv>',
    help: 'import services from a LeiKa CSV (malformed lines reported and skipped; re-import updates)',
    run: (args) => runCatalogCommand(args),
  },
  fim: {
    args: 'import <file.xml> [--out <file.json>] [--check]',
    help: 'turn a FIM XDatenfelder 2.0/3.0 schema into an assistant definition',
    async run(args) {
      const result = await fimImportCommand(args);
      if (result.stdout) process.stdout.write(result.stdout.endsWith('\n') ? result.stdout : `${result.stdout}\n`);
      if (result.stderr) process.stderr.write(result.stderr.endsWith('\n') ? result.stderr : `${result.stderr}\n`);
      return result.exitCode;
    },
  },
  forms: {
    args: 'validate <file.json>',
    help: 'check an assistant definition against the schema and rules',
    async run(args) {
      if (args[0] !== 'validate' || !args[1]) {
        process.stderr.write('Usage: sac forms validate <file.json>\n');
        return 2;
      }
      const result = await formsValidateCommand(args[1]);
      process.stdout.write(result.output.endsWith('\n') ? result.output : `${result.output}\n`);
      return result.exitCode;
    },
  },
  users: {
    args: 'add --email … --name … --role caseworker|admin|operator [--tenant slug] [--password …] | totp <email>',
    help: 'create staff accounts; in demo mode print the current TOTP code of an account',
    async run(args) {
      const print = (result: { exitCode: number; stdout: string; stderr: string }) => {
        process.stdout.write(result.stdout);
        process.stderr.write(result.stderr);
        return result.exitCode;
      };
      // `totp` needs no database: the embedded one may be held by the running demo server.
      if (args[0] === 'totp') return print(demoTotpCommand(loadConfig(), args[1]));
      return withDatabase(async ({ config, database }) =>
        print(await usersCommand(createDeps(config, database, createLogger(config.logLevel)), args)),
      )();
    },
  },
};
