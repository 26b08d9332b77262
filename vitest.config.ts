import { defineConfig } from 'vitest/config';

// Unit tests live next to the code (src/**/*.test.ts); integration, security and resilience tests in test/.
// scripts/test.mjs runs the integration projects once per database (SAC_TEST_DB=pglite|postgres).
export default defineConfig({
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.ts', 'test/**/*.test.tsx'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
  },
});
