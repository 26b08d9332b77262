// A stand-in for SAC in the orphan test: starts the demo Fachverfahren via startDemoFachverfahren, prints the
// child's pid and stays alive until the test SIGKILLs it. Arguments: SAC URL, data dir, FV port.
import { startDemoFachverfahren } from '../../src/modules/delivery/fit/demo-process.ts';
import { createLogger } from '../../src/platform/logger.ts';

const [sacUrl, dataDir, port] = process.argv.slice(2) as [string, string, string];
const fv = startDemoFachverfahren({
  sacUrl,
  dataDir,
  log: createLogger('silent'),
  env: { FV_PORT: port, FV_POLL_MS: '200', FV_KEY_BITS: '2048' },
});
fv.child.stdout?.on('data', (c: Buffer) => process.stdout.write(c));
process.stdout.write(`${JSON.stringify({ message: 'fv pid', pid: fv.child.pid })}\n`);
setInterval(() => {}, 60_000);
