import { inject } from 'vitest';
import type { TestServer } from './harness.ts';

/** The server started once for all files by `global-server.ts` (closing it is the global teardown's job). */
export function sharedServer(): TestServer {
  const baseUrl = inject('e2eBaseUrl');
  return { baseUrl, url: (path) => baseUrl + path, close: async () => {} };
}
