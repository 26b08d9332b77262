import type { TestProject } from 'vitest/node';
import { startServer } from './harness.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    e2eBaseUrl: string;
  }
}

/** Global setup: one seeded in-process server for all browser test files (seeding the catalog takes a while). */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startServer();
  project.provide('e2eBaseUrl', server.baseUrl);
  return () => server.close();
}
