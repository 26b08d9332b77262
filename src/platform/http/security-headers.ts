import type { FastifyInstance } from 'fastify';

export interface HeaderOptions {
  secure: boolean;
  frameAncestors: string;
  /** Extra origins forms may post to (e.g. an identity provider or payment page). */
  formActions?: string[];
}

/** Strict CSP without 'unsafe-inline', HSTS behind https, nosniff, referrer and permissions policy (F-33). */
export function registerSecurityHeaders(app: FastifyInstance, opts: HeaderOptions): void {
  const formAction = ["'self'", ...(opts.formActions ?? [])].join(' ');
  const csp = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    `form-action ${formAction}`,
    `frame-ancestors ${opts.frameAncestors}`,
  ].join('; ');
  const headers: Record<string, string> = {
    'content-security-policy': csp,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=()',
    'cross-origin-opener-policy': 'same-origin',
    'x-frame-options': opts.frameAncestors === "'none'" ? 'DENY' : 'SAMEORIGIN',
  };
  if (opts.secure) headers['strict-transport-security'] = 'max-age=31536000; includeSubDomains';
  if (opts.frameAncestors !== "'none'") delete headers['x-frame-options'];
  app.addHook('onSend', async (_request, reply) => {
    reply.headers(headers);
  });
}
