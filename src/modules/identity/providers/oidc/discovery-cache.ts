import * as client from 'openid-client';
import type { OidcOptions } from './options.ts';

const cache = new Map<string, { config: Promise<client.Configuration>; at: number }>();
const ttlMs = 3_600_000;

const isLocal = (url: URL) => ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);

/** Reads the issuer's discovery document now (no cache): for `checkConfig()`. */
export function discoverOidc(options: OidcOptions): Promise<client.Configuration> {
  const issuer = new URL(options.issuer);
  const insecure = options.allowInsecureHttp && issuer.protocol === 'http:' && isLocal(issuer);
  return client.discovery(
    issuer,
    options.clientId,
    options.clientSecret,
    options.clientSecret ? client.ClientSecretPost(options.clientSecret) : client.None(),
    { ...(insecure ? { execute: [client.allowInsecureRequests] } : {}), timeout: 10 },
  );
}

/** Discovery per issuer and client, cached for an hour; a failed discovery is not cached. */
export function oidcConfiguration(options: OidcOptions): Promise<client.Configuration> {
  const key = `${options.issuer}\n${options.clientId}\n${options.clientSecret ?? ''}`;
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < ttlMs) return hit.config;
  const config = discoverOidc(options);
  cache.set(key, { config, at: Date.now() });
  config.catch(() => cache.delete(key));
  return config;
}
