import { createHash, createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { exportJWK, type JWK } from 'jose';
import { demoKeyPair } from '../sp-keys.ts';

export interface DemoOidcSigningKey {
  privateKey: KeyObject;
  kid: string;
  jwk: JWK;
}

const keys = new Map<string, Promise<DemoOidcSigningKey>>();

/** The demo provider's RSA signing key (kept in the data dir like the demo IdP's), with its public JWK. */
export function demoOidcSigningKey(dataDir: string, now: Date): Promise<DemoOidcSigningKey> {
  let key = keys.get(dataDir);
  if (!key) {
    key = (async () => {
      const pair = demoKeyPair(dataDir, 'demo-oidc', 'SAC Demo-OIDC (Testsystem)', now);
      const privateKey = createPrivateKey(pair.privateKeyPem);
      const publicKey = createPublicKey(privateKey);
      const der = publicKey.export({ type: 'spki', format: 'der' });
      const kid = createHash('sha256').update(der).digest('base64url').slice(0, 16);
      return { privateKey, kid, jwk: { ...(await exportJWK(publicKey)), kid, use: 'sig', alg: 'RS256' } };
    })();
    keys.set(dataDir, key);
  }
  return key;
}
