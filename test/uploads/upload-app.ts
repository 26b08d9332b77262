import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import {
  loadUpload,
  readMultipartForm,
  sendDownload,
  type UploadFieldLimits,
} from '../../src/modules/forms/uploads/index.ts';
import type { Deps } from '../../src/platform/deps.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { multipartBody, multipartContentType, type Part } from './multipart-body.ts';

/** The file fields of the test form: `nachweis` (defaults: 10 MB, PDF/JPEG/PNG, 3 files), `foto` (PNG/JPEG, 1 MB, 1 file). */
export const testFields: UploadFieldLimits[] = [
  { id: 'nachweis', maxBytes: 10 * 1024 * 1024, accept: ['application/pdf', 'image/jpeg', 'image/png'], maxFiles: 3 },
  { id: 'foto', maxBytes: 1024 * 1024, accept: ['image/jpeg', 'image/png'], maxFiles: 1 },
];

/**
 * A test app with `POST /test/upload/:tenant` (CSRF off; answers the parsed form as JSON),
 * `POST /test/upload-csrf/:tenant` (CSRF on), `GET /test/token` and `GET /test/file/:tenant/:id` (download).
 */
export async function createUploadTestApp(): Promise<TestApp> {
  let deps: Deps | undefined;
  const app = await createTestApp({
    extend(fastify: FastifyInstance) {
      const handler = async (request: import('fastify').FastifyRequest) => {
        const { tenant } = request.params as { tenant: string };
        const draftId = (request.query as { draft?: string }).draft ?? null;
        return readMultipartForm(request, deps!, { tenantId: tenant, draftId, fileFields: testFields });
      };
      fastify.post('/test/upload/:tenant', { config: { csrf: false } }, handler);
      fastify.post('/test/upload-csrf/:tenant', handler);
      fastify.get('/test/token', async (request) => ({ token: await request.csrfToken() }));
      fastify.get('/test/file/:tenant/:id', async (request, reply) => {
        const { tenant, id } = request.params as { tenant: string; id: string };
        const { meta, content } = await loadUpload(deps!, tenant, id);
        return sendDownload(reply, meta, content);
      });
    },
  });
  deps = app.deps;
  return app;
}

export async function postForm(app: TestApp, tenantId: string, parts: Part[], query = '') {
  return app.app.inject({
    method: 'POST',
    url: `/test/upload/${tenantId}${query}`,
    payload: multipartBody(parts),
    headers: { 'content-type': multipartContentType },
  });
}

/** Every file below `dir`, relative to it. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (current: string) => {
    for (const entry of readdirSync(current)) {
      const full = path.join(current, entry);
      if (statSync(full).isDirectory()) walk(full);
      else out.push(path.relative(dir, full));
    }
  };
  walk(dir);
  return out.sort();
}

export function uploadFiles(app: TestApp): string[] {
  const root = path.join(app.config.dataDir, 'uploads');
  try {
    return listFiles(root);
  } catch {
    return [];
  }
}
