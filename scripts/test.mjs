#!/usr/bin/env node
// `npm test`: type check and lint, then the whole vitest suite on embedded PGlite, again on PostgreSQL
// when a server is reachable (TEST_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres),
// then the browser tests (Debian Chromium). Ends with one line "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';

const ci = process.env.CI === 'true';
const args = process.argv.slice(2);
const only = (name) => args.length === 0 || args.includes(name);
const out = mkdtempSync(path.join(tmpdir(), 'sac-test-'));
const totals = { passed: 0, failed: 0, skipped: 0 };
const failedSteps = [];

function run(label, cmd, cmdArgs, env = {}) {
  process.stdout.write(`\n=== ${label} ===\n`);
  const r = spawnSync(cmd, cmdArgs, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) failedSteps.push(label);
  return r.status === 0;
}

function vitest(label, env, extra = []) {
  const file = path.join(out, `${label.replace(/\W+/g, '-')}.json`);
  run(
    label,
    'npx',
    ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${file}`, ...extra],
    env,
  );
  if (existsSync(file)) {
    const r = JSON.parse(readFileSync(file, 'utf8'));
    totals.passed += r.numPassedTests;
    totals.failed += r.numFailedTests;
    totals.skipped += r.numPendingTests + (r.numTodoTests ?? 0);
  }
}

async function postgresUrl() {
  const url = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.end();
    return url;
  } catch {
    return null;
  }
}

if (only('check')) run('type check and lint', 'npm', ['run', '--silent', 'check']);
if (only('pglite')) vitest('suite on PGlite', { SAC_TEST_DB: 'pglite' });
if (only('postgres')) {
  const url = await postgresUrl();
  if (url) vitest('suite on PostgreSQL', { SAC_TEST_DB: 'postgres', TEST_DATABASE_URL: url });
  else if (ci) {
    process.stdout.write('\nPostgreSQL is not reachable, but CI must test both databases.\n');
    failedSteps.push('suite on PostgreSQL (server unreachable)');
  } else process.stdout.write('\n!!! PostgreSQL not reachable: skipped the PostgreSQL run (set TEST_DATABASE_URL).\n');
}
if (only('e2e')) {
  if (existsSync('/usr/bin/chromium'))
    vitest('browser tests (Chromium, axe-core)', { SAC_TEST_DB: 'pglite' }, ['--config', 'vitest.e2e.config.ts']);
  else if (ci) {
    process.stdout.write(
      '\n/usr/bin/chromium is missing: CI must run the browser tests (apt-get install -y chromium).\n',
    );
    failedSteps.push('browser tests (no Chromium)');
  } else
    process.stdout.write(
      '\n!!! /usr/bin/chromium not installed: skipped the browser tests (apt-get install -y chromium).\n',
    );
}

if (failedSteps.length) process.stdout.write(`\nFailed steps: ${failedSteps.join('; ')}\n`);
process.stdout.write(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`);
process.exit(failedSteps.length || totals.failed ? 1 : 0);
