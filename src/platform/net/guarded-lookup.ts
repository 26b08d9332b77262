import type { LookupAddress, LookupOptions } from 'node:dns';
import { isIP } from 'node:net';
import {
  type checkOutboundUrl,
  normalizeHostname,
  type OutboundUrlOptions,
  systemResolve,
} from './check-outbound-url.ts';
import { blockedAddressReason } from './ip-address-policy.ts';

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

function familyNumber(family: LookupOptions['family']): number {
  if (family === 'IPv4') return 4;
  if (family === 'IPv6') return 6;
  return family ?? 0;
}

/** A `dns.lookup`-compatible function, usable as `lookup` of `http.request`, `net.connect` or `tls.connect`. */
export type GuardedLookup = (hostname: string, options: LookupOptions, callback: LookupCallback) => void;

/**
 * Closes the DNS-rebinding window: the socket connects to exactly the addresses this lookup returns, and it
 * only returns addresses that pass the SSRF policy (allow-listed hosts excepted). Pass it as `lookup` to
 * node:http(s)/net/tls — or, once `undici` is a direct dependency, as `connect.lookup` of an undici
 * `Agent` used as fetch's `dispatcher`.
 * Node does not call `lookup` for IP-literal hosts; those cannot rebind and are covered by
 * {@link checkOutboundUrl}, which must still run first.
 */
export function createGuardedLookup(options: Pick<OutboundUrlOptions, 'allowHosts' | 'resolve'> = {}): GuardedLookup {
  const allowed = new Set((options.allowHosts ?? []).map(normalizeHostname));
  const resolve = options.resolve ?? systemResolve;
  return (hostname, lookupOptions, callback) => {
    const host = normalizeHostname(hostname);
    const addressesPromise = isIP(host) ? Promise.resolve([host]) : resolve(host);
    addressesPromise.then(
      (addresses) => {
        if (addresses.length === 0)
          return callback(Object.assign(new Error(`${host} does not resolve`), { code: 'ENOTFOUND' }), []);
        if (!allowed.has(host)) {
          for (const address of addresses) {
            const reason = blockedAddressReason(address);
            if (reason) {
              const error = new Error(`Outbound call refused: ${host} resolves to ${address} (${reason})`);
              return callback(Object.assign(error, { code: 'ESSRFBLOCKED' }), []);
            }
          }
        }
        const family = familyNumber(lookupOptions.family);
        const entries = addresses
          .map((address) => ({ address, family: isIP(address) }))
          .filter((e) => !family || e.family === family);
        if (entries.length === 0)
          return callback(
            Object.assign(new Error(`${host}: no address of the requested family`), { code: 'ENOTFOUND' }),
            [],
          );
        if (lookupOptions.all) return callback(null, entries);
        return callback(null, entries[0]!.address, entries[0]!.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, []),
    );
  };
}
