import { checkOutboundUrl, type OutboundUrlOptions } from './check-outbound-url.ts';

/** Thrown before any byte leaves the machine when the target fails the SSRF check. */
export class OutboundUrlRefusedError extends Error {
  constructor(
    readonly code: string,
    reason: string,
  ) {
    super(`Outbound call refused: ${reason}`);
    this.name = 'OutboundUrlRefusedError';
  }
}

export interface GuardedFetchOptions extends OutboundUrlOptions {
  /** Replaceable for tests; defaults to the global (undici) fetch. */
  fetch?: typeof fetch;
}

/**
 * `fetch` for operator-configured targets: re-checks the URL (including a fresh DNS resolution) at call
 * time and never follows redirects (`redirect: 'manual'`; the caller sees the 3xx).
 *
 * Residual risk, documented on purpose: fetch resolves the host again itself, so a DNS server answering
 * with TTL 0 could swap a public address for an internal one between our check and the connect (DNS
 * rebinding). Closing that window needs the connection pinned to the checked address (an undici `Agent`
 * whose `connect.lookup` is the checked resolver) — a follow-up once `undici` is a direct dependency.
 * IP-literal and allow-listed targets are not affected.
 */
export async function guardedFetch(
  url: string | URL,
  init: RequestInit = {},
  options: GuardedFetchOptions = {},
): Promise<Response> {
  const check = await checkOutboundUrl(url, options);
  if (!check.ok) throw new OutboundUrlRefusedError(check.code, check.reason);
  return (options.fetch ?? fetch)(check.url, { ...init, redirect: 'manual' });
}
