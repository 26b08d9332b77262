import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { blockedAddressReason } from './ip-address-policy.ts';

/** Resolves a host name to all its A/AAAA addresses. Injected in tests (a local DNS stub). */
export type ResolveHost = (hostname: string) => Promise<string[]>;

export interface OutboundUrlOptions {
  /** Host names (or IP literals) the operator explicitly allows even though they resolve to internal addresses. */
  allowHosts?: readonly string[];
  /** Allow plain `http:` (default: only `https:`). */
  allowHttp?: boolean;
  resolve?: ResolveHost;
}

export type OutboundRefusal = 'invalid_url' | 'scheme' | 'credentials' | 'unresolvable' | 'forbidden_address';

export type OutboundUrlCheck =
  | { ok: true; url: URL; addresses: string[]; allowListed: boolean }
  | { ok: false; code: OutboundRefusal; reason: string };

export const systemResolve: ResolveHost = async (hostname) =>
  (await lookup(hostname, { all: true, verbatim: true })).map((entry) => entry.address);

/** `[::1]` → `::1`, `Example.ORG.` → `example.org`. */
export function normalizeHostname(hostname: string): string {
  return hostname
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '')
    .toLowerCase();
}

function isAllowListed(hostname: string, allowHosts: readonly string[] = []): boolean {
  return allowHosts.some((allowed) => normalizeHostname(allowed) === hostname);
}

/**
 * Decides whether SAC may call `rawUrl` (SSRF protection, F-27). Run it when an operator saves a connector
 * target *and* again right before each call, since DNS answers change (rebinding). Every A/AAAA record
 * must be a public address; a host on the operator's allow-list skips the address check.
 */
export async function checkOutboundUrl(
  rawUrl: string | URL,
  options: OutboundUrlOptions = {},
): Promise<OutboundUrlCheck> {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return { ok: false, code: 'invalid_url', reason: 'not a valid absolute URL' };
  }
  const schemes = options.allowHttp ? ['https:', 'http:'] : ['https:'];
  if (!schemes.includes(url.protocol)) {
    return { ok: false, code: 'scheme', reason: `scheme ${url.protocol} is not allowed (only ${schemes.join(', ')})` };
  }
  if (url.username || url.password) {
    return { ok: false, code: 'credentials', reason: 'credentials in the URL are not allowed' };
  }
  const hostname = normalizeHostname(url.hostname);
  if (isAllowListed(hostname, options.allowHosts)) return { ok: true, url, addresses: [], allowListed: true };
  if (hostname === 'localhost' || hostname.endsWith('.localhost')) {
    return { ok: false, code: 'forbidden_address', reason: `${hostname} is a loopback name` };
  }

  let addresses: string[];
  if (isIP(hostname)) {
    addresses = [hostname];
  } else {
    try {
      addresses = await (options.resolve ?? systemResolve)(hostname);
    } catch {
      addresses = [];
    }
    if (addresses.length === 0) return { ok: false, code: 'unresolvable', reason: `${hostname} does not resolve` };
  }
  for (const address of addresses) {
    const reason = blockedAddressReason(address);
    if (reason) {
      return { ok: false, code: 'forbidden_address', reason: `${hostname} resolves to ${address} (${reason})` };
    }
  }
  return { ok: true, url, addresses, allowListed: false };
}
