import { ConfigError, loadConfig } from '../config/index.ts';
import { createLogger } from '../platform/logger.ts';
import { commands } from './commands.ts';

/** `sac <command> [args]`: one dispatcher, one error path (a message, never a stack trace). */
async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  const command = name ? commands[name] : undefined;
  if (!command) {
    process.stderr.write(`${usage()}\n`);
    return name ? 2 : 0;
  }
  try {
    return await command.run(args);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      return 78;
    }
    const log = createLogger('error');
    log.error({ err: { message: (err as Error).message, stack: (err as Error).stack } }, `sac ${name} failed`);
    process.stderr.write(`sac ${name}: ${(err as Error).message}\n`);
    return 1;
  }
}

function usage(): string {
  const lines = Object.entries(commands).map(([n, c]) => `  ${[n, c.args].filter(Boolean).join(' ')}\n      ${c.help}`);
  return ['Usage: sac <command> [options]', '', 'Commands:', ...lines].join('\n');
}

const code = await main(process.argv.slice(2));
if (code !== -1) process.exitCode = code;

export { loadConfig };
