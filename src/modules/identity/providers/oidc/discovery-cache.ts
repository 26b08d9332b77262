import * as client from 'openid-client';
import type { OidcOptions } from './options.ts';

const cache = new Map<string, { config: Promise<client.Configuration>; at: number }>();
const ttlMs = 3_600_000;

const isLocal = (url: URL) => ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);

/** Discovery per issuer and client, cached for an hour; a failed discovery is not cached. */
export function oidcConfiguration(options: OidcOptions): Promise<client.Configuration> {
  const key = `${options.issuer}\n${options.clientId}`;
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < ttlMs) return hit.config;
  const issuer = new URL(options.issuer);
  const insecure = options.allowInsecureHttp && issuer.protocol === 'http:' && isLocal(issuer);
  const config = client.discovery(
    issuer,
    options.clientId,
    options.clientSecret,
    options.clientSecret ? client.ClientSecretPost(options.clientSecret) : client.None(),
    { ...(insecure ? { execute: [client.allowInsecureRequests] } : {}), timeout: 10 },
  );
  cache.set(key, { config, at: Date.now() });
  config.catch(() => cache.delete(key));
  return config;
}
