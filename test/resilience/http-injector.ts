import type { FastifyInstance } from 'fastify';

interface InjectOptions {
  method: string;
  url: string;
  payload?: string;
  headers?: Record<string, string>;
}

/**
 * Lets the `Browser` cookie jar of test/helpers/app.ts drive a real server over HTTP: an object with the
 * `inject` method it calls, answered by `fetch` against `baseUrl` (no redirects followed).
 */
export function httpInjector(baseUrl: string): FastifyInstance {
  return {
    async inject(options: InjectOptions) {
      const res = await fetch(`${baseUrl}${options.url}`, {
        method: options.method,
        headers: options.headers ?? {},
        body: options.payload,
        redirect: 'manual',
      });
      const headers: Record<string, string> = {};
      res.headers.forEach((value, key) => {
        headers[key] = value;
      });
      const cookies = res.headers.getSetCookie().map((line) => {
        const [pair = '', ...attrs] = line.split(';');
        const eq = pair.indexOf('=');
        const maxAge = attrs.find((a) => a.trim().toLowerCase().startsWith('max-age='));
        return {
          name: pair.slice(0, eq).trim(),
          value: pair.slice(eq + 1).trim(),
          ...(maxAge ? { maxAge: Number(maxAge.split('=')[1]) } : {}),
        };
      });
      return { statusCode: res.status, headers, body: await res.text(), cookies };
    },
  } as unknown as FastifyInstance;
}
