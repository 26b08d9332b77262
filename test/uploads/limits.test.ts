import { Readable } from 'node:stream';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../helpers/app.ts';
import { pdf } from './fixtures.ts';
import { multipartBody, multipartContentType, streamingFileBody } from './multipart-body.ts';
import { createUploadTestApp, postForm, uploadFiles } from './upload-app.ts';

const MB = 1024 * 1024;

function* chunks(buffer: Buffer, size: number): Generator<Buffer> {
  for (let i = 0; i < buffer.length; i += size) yield buffer.subarray(i, i + size);
}

describe('uploads: size limits cut the stream (F-14)', () => {
  let app: TestApp;
  let tenant: string;

  beforeAll(async () => {
    app = await createUploadTestApp();
    tenant = [...app.tenantIds.values()][0]!;
  });
  afterAll(() => app.close());

  async function uploadCount(): Promise<number> {
    const r = await sql<{ n: number }>`select count(*)::int as n from uploads`.execute(app.deps.database.db);
    return r.rows[0]!.n;
  }

  it('rejects a file over the field limit with a German message, keeps the other values, stores nothing', async () => {
    const big = Buffer.concat([pdf, Buffer.alloc(12 * MB, 0x20)]);
    const res = await postForm(app, tenant, [
      { name: 'vorname', value: 'Erika' },
      { name: 'nachweis', filename: 'gross.pdf', content: big, contentType: 'application/pdf' },
      { name: 'nachname', value: 'Mustermann' },
    ]);
    expect(res.statusCode).toBe(200);
    const form = res.json();
    expect(form.fileErrors.nachweis).toBe(
      'Die Datei „gross.pdf“ ist größer als 10 MB. Bitte laden Sie eine kleinere Datei hoch.',
    );
    expect(form.body).toEqual({ vorname: 'Erika', nachname: 'Mustermann' });
    expect(form.files).toEqual({});
    expect(uploadFiles(app)).toEqual([]);
    expect(await uploadCount()).toBe(0);
  });

  it('stops reading a 60 MB chunked body at the request cap: 413, no buffering, no partial file', async () => {
    const body = streamingFileBody({ name: 'nachweis', filename: 'riesig.pdf', head: pdf, totalBytes: 60 * MB });
    const rssBefore = process.memoryUsage().rss;
    const res = await app.app.inject({
      method: 'POST',
      url: `/test/upload/${tenant}`,
      payload: body.stream,
      headers: { 'content-type': multipartContentType },
    });
    const rssGrowth = process.memoryUsage().rss - rssBefore;
    expect(res.statusCode).toBe(413);
    expect(res.body).toContain('größer als 25 MB');
    expect(res.headers.connection).toBe('close');
    // Read up to the 25 MB cap plus stream buffers, not the 60 MB.
    expect(body.pulled()).toBeLessThan(27 * MB);
    expect(rssGrowth).toBeLessThan(30 * MB);
    expect(uploadFiles(app)).toEqual([]);
    expect(await uploadCount()).toBe(0);
  });

  it('refuses a body whose Content-Length is over the cap before reading it', async () => {
    const body = streamingFileBody({ name: 'nachweis', filename: 'riesig.pdf', head: pdf, totalBytes: 60 * MB });
    const res = await app.app.inject({
      method: 'POST',
      url: `/test/upload/${tenant}`,
      payload: body.stream,
      headers: { 'content-type': multipartContentType, 'content-length': String(60 * MB + 400) },
    });
    expect(res.statusCode).toBe(413);
    expect(body.pulled()).toBeLessThan(1 * MB);
    expect(uploadFiles(app)).toEqual([]);
  });

  it('removes files already stored in the same request when the request is cut later', async () => {
    const parts = [
      { name: 'nachweis', filename: 'a.pdf', content: pdf },
      { name: 'nachweis', filename: 'b.pdf', content: Buffer.concat([pdf, Buffer.alloc(9 * MB)]) },
      { name: 'nachweis', filename: 'c.pdf', content: Buffer.concat([pdf, Buffer.alloc(9 * MB)]) },
      { name: 'foto', filename: 'd.png', content: Buffer.alloc(9 * MB) },
    ];
    // Sent chunked (no Content-Length), so only the byte counter can notice.
    const res = await app.app.inject({
      method: 'POST',
      url: `/test/upload/${tenant}`,
      payload: Readable.from(chunks(multipartBody(parts), 64 * 1024)),
      headers: { 'content-type': multipartContentType },
    });
    expect(res.statusCode).toBe(413);
    expect(uploadFiles(app)).toEqual([]);
    expect(await uploadCount()).toBe(0);
  });

  it('rejects an over-long text value (1 MB) with a German page', async () => {
    const res = await postForm(app, tenant, [{ name: 'bemerkung', value: 'x'.repeat(MB) }]);
    expect(res.statusCode).toBe(413);
    expect(res.body).toContain('Eine Ihrer Eingaben ist zu lang');
  });

  it('answers 400 with a German message for a broken multipart body', async () => {
    const res = await app.app.inject({
      method: 'POST',
      url: `/test/upload/${tenant}`,
      payload: '--nope\r\nContent-Disposition: form-data; name="a"\r\n\r\nx',
      headers: { 'content-type': multipartContentType },
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('unvollständig oder fehlerhaft');
    expect(res.body).not.toMatch(/at .*\.ts:\d+/);
  });
});
