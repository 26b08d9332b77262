import { defineConfig } from 'vitest/config';

// Browser tests (playwright-core + Debian Chromium + axe-core): `npx vitest run --config vitest.e2e.config.ts`.
// One seeded in-process server for all files (global setup), one Chromium per file; the smoke test starts
// the real `bin/sac.js serve` as a child process.
export default defineConfig({
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  test: {
    include: ['test/e2e/**/*.test.ts'],
    globalSetup: ['test/e2e/global-server.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // One file at a time: the smoke test's start-up time should not compete with the other files' browsers.
    poolOptions: { forks: { maxForks: 1, minForks: 1 } },
  },
});
