import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Logger } from 'pino';
import { demoFachverfahrenDir } from './demo-seed.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
export const demoFachverfahrenEntry = path.join(root, 'examples/fachverfahren/main.ts');

export interface DemoFachverfahren {
  child: ChildProcess;
  /** Sends SIGTERM and waits (at most 5 s) for the program to exit. */
  stop(): Promise<void>;
}

/**
 * Starts the demo Fachverfahren (`examples/fachverfahren`) as a child process talking to SAC at `sacUrl`
 * (demo mode only). Its JSON log lines go to SAC's log; `env` overrides its settings (tests: short intervals).
 * It is spawned with an IPC channel and exits when the channel closes, so it never outlives SAC; if its port
 * is taken it logs that and exits, SAC keeps serving.
 */
export function startDemoFachverfahren(options: {
  sacUrl: string;
  dataDir: string;
  log: Logger;
  env?: Record<string, string>;
}): DemoFachverfahren {
  const child = spawn(process.execPath, ['--import', 'tsx', demoFachverfahrenEntry], {
    cwd: root,
    env: {
      PATH: process.env.PATH ?? '',
      SAC_URL: options.sacUrl,
      FV_DATA_DIR: demoFachverfahrenDir(options.dataDir),
      // FV_PORT, FV_POLL_MS … set for SAC reach the program too.
      ...Object.fromEntries(Object.entries(process.env).filter(([k]) => k.startsWith('FV_'))),
      ...options.env,
    },
    // The IPC channel is the lifeline: when SAC dies (even by SIGKILL) it closes and the program exits.
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  // SAC must not wait for the child to exit, nor crash on a broken channel.
  child.on('error', (error) => options.log.warn({ err: { message: error.message } }, 'demo fachverfahren error'));
  child.channel?.unref();
  const forward = (stream: NodeJS.ReadableStream | null, level: 'info' | 'warn') => {
    let buffer = '';
    stream?.setEncoding('utf8');
    stream?.on('data', (chunk: string) => {
      buffer += chunk;
      let nl = buffer.indexOf('\n');
      while (nl >= 0) {
        const line = buffer.slice(0, nl).trim();
        buffer = buffer.slice(nl + 1);
        if (line) options.log[level]({ fachverfahren: line.slice(0, 1000) }, 'demo fachverfahren');
        nl = buffer.indexOf('\n');
      }
    });
  };
  forward(child.stdout, 'info');
  forward(child.stderr, 'warn');
  child.on('exit', (code, signal) => options.log.info({ code, signal }, 'demo fachverfahren stopped'));
  return {
    child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        const timer = setTimeout(() => {
          child.kill('SIGKILL');
          resolve();
        }, 5000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}
