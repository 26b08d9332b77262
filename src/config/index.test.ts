import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './index.ts';

const key = `k1:${Buffer.alloc(32, 7).toString('base64')}`;
const prod = { SAC_SECRET_KEY: 'x'.repeat(40), SAC_DATA_KEY: key };

describe('loadConfig', () => {
  it('uses the documented defaults', () => {
    const c = loadConfig(prod);
    expect(c).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      demo: false,
      baseUrl: 'http://localhost:3000',
      secure: false,
      workerConcurrency: 4,
    });
    expect(loadConfig({ ...prod, SAC_WORKER_CONCURRENCY: '8' }).workerConcurrency).toBe(8);
    expect(c.databaseUrl).toBeUndefined();
    expect(c.dataDir).toBe(path.resolve('./data'));
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ SAC_BASE_URL: 'not a url' }, 'SAC_BASE_URL'],
    [{ SAC_DEMO: 'yes' }, 'SAC_DEMO'],
    [{ SMTP_URL: 'http://mail' }, 'SMTP_URL'],
    [{ SAC_DATA_KEY: 'short' }, 'SAC_DATA_KEY'],
    [{ SAC_SECRET_KEY: 'short' }, 'SAC_SECRET_KEY'],
    [{ SAC_WORKER_CONCURRENCY: '0' }, 'SAC_WORKER_CONCURRENCY'],
  ])('stops with one message naming the variable for %j', (env, name) => {
    expect(() => loadConfig({ ...prod, ...env })).toThrow(ConfigError);
    expect(() => loadConfig({ ...prod, ...env })).toThrow(new RegExp(`^Invalid configuration: ${name}`));
  });

  it('requires secrets outside demo mode', () => {
    expect(() => loadConfig({})).toThrow(/SAC_SECRET_KEY is required unless SAC_DEMO=1/);
    expect(() => loadConfig({ SAC_SECRET_KEY: 'x'.repeat(40) })).toThrow(/SAC_DATA_KEY is required/);
  });

  it('rejects a data key that is not 32 bytes', () => {
    const bad = `k1:${Buffer.alloc(31, 7).toString('base64')}A`;
    expect(() => loadConfig({ ...prod, SAC_DATA_KEY: bad })).toThrow(/SAC_DATA_KEY/);
  });

  it('generates and keeps demo secrets in the data directory', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sac-config-'));
    const a = loadConfig({ SAC_DEMO: '1', SAC_DATA_DIR: dir });
    const b = loadConfig({ SAC_DEMO: '1', SAC_DATA_DIR: dir });
    expect(a.secretKey).toBe(b.secretKey);
    expect(a.dataKeys[0]!.key.equals(b.dataKeys[0]!.key)).toBe(true);
  });

  it('turns on secure cookies and HSTS behind https', () => {
    expect(loadConfig({ ...prod, SAC_BASE_URL: 'https://portal.example/' })).toMatchObject({
      secure: true,
      baseUrl: 'https://portal.example',
    });
  });

  it('parses several data keys, the first one encrypting', () => {
    const two = `${key},old:${Buffer.alloc(32, 1).toString('base64')}`;
    expect(loadConfig({ ...prod, SAC_DATA_KEY: two }).dataKeys.map((k) => k.id)).toEqual(['k1', 'old']);
  });
});
