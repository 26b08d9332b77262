import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The session's CSRF token for hidden `_csrf` form fields (creates the session if needed). */
    csrfToken(): Promise<string>;
  }
  interface FastifyContextConfig {
    /** Set to false on routes that authenticate otherwise (signed callbacks, IdP POST bindings, API). */
    csrf?: boolean;
  }
}

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function equal(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}

function submittedToken(request: FastifyRequest): string | undefined {
  const body = request.body as Record<string, unknown> | undefined;
  const fromBody = body && typeof body === 'object' ? body._csrf : undefined;
  if (typeof fromBody === 'string') return fromBody;
  const header = request.headers['x-csrf-token'];
  if (typeof header === 'string') return header;
  // Multipart bodies are streamed after the check, so upload forms carry the token in the action URL.
  if (String(request.headers['content-type'] ?? '').startsWith('multipart/form-data')) {
    const q = (request.query as Record<string, unknown>)._csrf;
    if (typeof q === 'string') return q;
  }
  return undefined;
}

/**
 * Synchronizer-token CSRF protection for every state-changing request outside `/api` (F-18), plus
 * SameSite=Lax session cookies as a second layer.
 */
export function registerCsrf(app: FastifyInstance): void {
  app.decorateRequest('csrfToken', async function (this: FastifyRequest) {
    const session = await this.session();
    let token = session.get<string>('csrf');
    if (!token) {
      token = randomBytes(24).toString('base64url');
      session.set('csrf', token);
    }
    return token;
  });

  app.addHook('preHandler', async (request) => {
    if (!unsafeMethods.has(request.method)) return;
    if (request.routeOptions.config?.csrf === false) return;
    if (request.url.startsWith('/api/')) return;
    const session = await request.existingSession();
    const expected = session?.get<string>('csrf');
    const given = submittedToken(request);
    if (!expected || !given || !equal(expected, given)) throw new AppError('csrf');
  });
}
