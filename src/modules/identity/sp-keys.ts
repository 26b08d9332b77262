import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { generateKeyPairWithCertificate, type KeyPairPem } from './self-signed-certificate.ts';

/** Generated pairs by name: one RSA generation per process, even across several data directories. */
const generated = new Map<string, KeyPairPem>();
const cache = new Map<string, KeyPairPem>();

/**
 * Demo mode only: a key pair kept in `<dataDir>/identity/<name>.json` (mode 0600), made on first use.
 * Outside demo mode keys come from the provider's options and are never generated.
 */
export function demoKeyPair(dataDir: string, name: string, commonName: string, now: Date): KeyPairPem {
  const file = path.join(dataDir, 'identity', `${name}.json`);
  const cached = cache.get(file);
  if (cached) return cached;
  let pair: KeyPairPem;
  if (existsSync(file)) {
    pair = JSON.parse(readFileSync(file, 'utf8')) as KeyPairPem;
  } else {
    pair = generated.get(name) ?? generateKeyPairWithCertificate(commonName, now);
    generated.set(name, pair);
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    writeFileSync(file, JSON.stringify(pair), { mode: 0o600 });
  }
  cache.set(file, pair);
  return pair;
}
