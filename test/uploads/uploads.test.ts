import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FileMeta } from '../../src/modules/forms/engine/answers.ts';
import { Browser, type TestApp } from '../helpers/app.ts';
import {
  eicar,
  exe,
  html,
  jpeg,
  MARKER,
  pdf,
  pdfWithEscapedJavaScript,
  pdfWithJavaScript,
  png,
  svg,
} from './fixtures.ts';
import { multipartBody, multipartContentType } from './multipart-body.ts';
import { createUploadTestApp, listFiles, postForm, uploadFiles } from './upload-app.ts';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('uploads: storing, sniffing, reading back', () => {
  let app: TestApp;
  let tenant: string;
  let otherTenant: string;

  beforeAll(async () => {
    app = await createUploadTestApp();
    [tenant, otherTenant] = [...app.tenantIds.values()] as [string, string];
  });
  afterAll(() => app.close());

  async function download(tenantId: string, id: string) {
    return app.app.inject({ method: 'GET', url: `/test/file/${tenantId}/${id}` });
  }

  it('stores PDF, JPEG and PNG encrypted and reads them back byte for byte', async () => {
    const res = await postForm(app, tenant, [
      { name: 'vorname', value: 'Erika' },
      { name: 'nachweis', filename: 'Versicherung.pdf', content: pdf, contentType: 'application/pdf' },
      { name: 'nachweis', filename: 'scan.jpg', content: jpeg, contentType: 'image/jpeg' },
      { name: 'foto', filename: 'hund.png', content: png, contentType: 'image/png' },
    ]);
    expect(res.statusCode).toBe(200);
    const form = res.json() as {
      body: Record<string, string>;
      files: Record<string, FileMeta[]>;
      fileErrors: Record<string, string>;
    };
    expect(form.body).toEqual({ vorname: 'Erika' });
    expect(form.fileErrors).toEqual({});
    expect(form.files.nachweis!.map((f) => [f.name, f.mimeType, f.size])).toEqual([
      ['Versicherung.pdf', 'application/pdf', pdf.length],
      ['scan.jpg', 'image/jpeg', jpeg.length],
    ]);
    expect(form.files.foto![0]).toMatchObject({ name: 'hund.png', mimeType: 'image/png', size: png.length });

    const originals = [pdf, jpeg, png];
    const metas = [...form.files.nachweis!, ...form.files.foto!];
    for (const [i, meta] of metas.entries()) {
      const got = await download(tenant, meta.id);
      expect(got.statusCode).toBe(200);
      expect(sha(got.rawPayload)).toBe(sha(originals[i]!));
      expect(got.headers['content-type']).toBe(meta.mimeType);
    }

    // On disk: <uploads>/<shard>/<32 hex>, never the name, never the plaintext.
    const files = uploadFiles(app);
    expect(files).toHaveLength(3);
    for (const file of files) {
      expect(file).toMatch(/^[0-9a-f]{2}\/[0-9a-f]{32}$/);
      expect(file.slice(0, 2)).toBe(path.basename(file).slice(0, 2));
      const stored = readFileSync(path.join(app.config.dataDir, 'uploads', file), 'latin1');
      expect(stored).not.toContain(MARKER);
      expect(stored).not.toContain('%PDF');
    }
    // In the database: name encrypted, checksum of the plaintext.
    const rows = await sql<{
      name_encrypted: string;
      sha256: string;
      key_id: string;
    }>`select name_encrypted, sha256, key_id from uploads`.execute(app.deps.database.db);
    expect(rows.rows.map((r) => r.name_encrypted).join(' ')).not.toMatch(/Versicherung|scan|hund/);
    expect(rows.rows.map((r) => r.sha256).sort()).toEqual(originals.map(sha).sort());
    expect(rows.rows.every((r) => r.key_id === app.deps.cipher.activeKeyId)).toBe(true);
  });

  it.each([
    ['an .exe renamed to .pdf', 'antrag.pdf', exe, 'application/pdf'],
    ['HTML claiming to be a PDF', 'seite.pdf', html, 'application/pdf'],
    ['an SVG with a script', 'bild.svg', svg, 'image/svg+xml'],
    ['the EICAR test string', 'eicar.pdf', eicar, 'application/pdf'],
  ])('rejects %s by content with a German message', async (_label, filename, content, contentType) => {
    const before = uploadFiles(app).length;
    const res = await postForm(app, tenant, [{ name: 'nachweis', filename, content, contentType }]);
    expect(res.statusCode).toBe(200);
    const form = res.json();
    expect(form.files).toEqual({});
    expect(form.fileErrors.nachweis).toBe(
      `Die Datei „${filename}“ hat kein erlaubtes Format. Erlaubt sind: PDF, JPEG, PNG.`,
    );
    expect(uploadFiles(app).length).toBe(before);
  });

  it('rejects a PDF where the field only takes images, and PDFs with JavaScript (also #-escaped)', async () => {
    const res = await postForm(app, tenant, [
      { name: 'foto', filename: 'foto.png', content: pdf, contentType: 'image/png' },
      { name: 'nachweis', filename: 'aktiv.pdf', content: pdfWithJavaScript, contentType: 'application/pdf' },
    ]);
    const form = res.json();
    expect(form.fileErrors.foto).toBe('Die Datei „foto.png“ hat kein erlaubtes Format. Erlaubt sind: JPEG, PNG.');
    expect(form.fileErrors.nachweis).toContain('enthält ausführbare Inhalte');
    const escaped = await postForm(app, tenant, [
      { name: 'nachweis', filename: 'x.pdf', content: pdfWithEscapedJavaScript },
    ]);
    expect(escaped.json().fileErrors.nachweis).toContain('ausführbare Inhalte');
  });

  it('rejects an empty file, ignores an empty part without a name (no file chosen)', async () => {
    const res = await postForm(app, tenant, [
      { name: 'nachweis', filename: 'leer.pdf', content: Buffer.alloc(0), contentType: 'application/pdf' },
      { name: 'foto', filename: '', content: Buffer.alloc(0) },
    ]);
    const form = res.json();
    expect(form.fileErrors).toEqual({ nachweis: 'Die Datei „leer.pdf“ ist leer. Bitte wählen Sie eine andere Datei.' });
    expect(form.files).toEqual({});
  });

  it('keeps at most maxFiles per field and says so', async () => {
    const res = await postForm(app, tenant, [
      { name: 'foto', filename: 'a.png', content: png },
      { name: 'foto', filename: 'b.png', content: png },
    ]);
    const form = res.json();
    expect(form.files.foto).toHaveLength(1);
    expect(form.fileErrors.foto).toBe('Sie können hier nur eine Datei hochladen.');
  });

  it('collects repeated text names as arrays and drains file parts of unknown fields', async () => {
    const before = uploadFiles(app).length;
    const res = await postForm(app, tenant, [
      { name: 'tage', value: 'Mo' },
      { name: 'unbekannt', filename: 'x.pdf', content: pdf },
      { name: 'tage', value: 'Di' },
      { name: 'tage', value: 'Mi' },
    ]);
    expect(res.json()).toEqual({ body: { tage: ['Mo', 'Di', 'Mi'] }, files: {}, fileErrors: {} });
    expect(uploadFiles(app).length).toBe(before);
  });

  it('sanitises malicious names and writes nothing outside the uploads directory', async () => {
    const outside = listFiles(app.config.dataDir).filter((f) => !f.startsWith('uploads'));
    const names = [
      '../../etc/passwd.pdf',
      '..\\..\\x.pdf',
      'a\u0000b.pdf',
      'rechnung\u202Efdp.exe.pdf',
      `${'ä'.repeat(1000)}.pdf`,
      '<script>.pdf',
    ];
    const res = await postForm(
      app,
      tenant,
      names.map((filename) => ({ name: 'nachweis', filename, content: pdf })).slice(0, 3),
    );
    const res2 = await postForm(
      app,
      tenant,
      names.map((filename) => ({ name: 'nachweis', filename, content: pdf })).slice(3),
    );
    const stored = [...res.json().files.nachweis, ...res2.json().files.nachweis] as FileMeta[];
    expect(stored.map((f) => f.name)).toEqual([
      'passwd.pdf',
      'x.pdf',
      'ab.pdf',
      'rechnungfdp.exe.pdf',
      `${'ä'.repeat(96)}.pdf`,
      '_script_.pdf',
    ]);
    expect(listFiles(app.config.dataDir).filter((f) => !f.startsWith('uploads'))).toEqual(outside);
    for (const file of uploadFiles(app)) expect(file).toMatch(/^[0-9a-f]{2}\/[0-9a-f]{32}$/);

    for (const meta of stored) {
      const got = await download(tenant, meta.id);
      const disposition = String(got.headers['content-disposition']);
      expect(disposition).toMatch(/^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''[A-Za-z0-9%._~-]+$/);
      for (const bad of ['\r', '\n', '\u0000', '\u202e', '../']) expect(disposition).not.toContain(bad);
      const encoded = /filename\*=UTF-8''(.+)$/.exec(disposition)![1]!;
      expect(decodeURIComponent(encoded)).toBe(meta.name);
      expect(got.headers['x-content-type-options']).toBe('nosniff');
      expect(got.headers['cache-control']).toBe('private, no-store');
    }
  });

  it('does not let one tenant load another tenant’s upload (404), nor malformed ids', async () => {
    const res = await postForm(app, tenant, [{ name: 'nachweis', filename: 'geheim.pdf', content: pdf }]);
    const id = res.json().files.nachweis[0].id as string;
    expect((await download(tenant, id)).statusCode).toBe(200);
    const foreign = await download(otherTenant, id);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.body).not.toContain('geheim');
    expect((await download(tenant, 'not-a-uuid')).statusCode).toBe(404);
    expect((await download(tenant, '00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });

  it('checks CSRF on multipart posts via ?_csrf= in the action URL', async () => {
    const browser = new Browser(app.app);
    const token = (await browser.get('/test/token')).json().token as string;
    const payload = multipartBody([{ name: 'nachweis', filename: 'a.pdf', content: pdf }]);
    const headers = { 'content-type': multipartContentType, cookie: browser.cookieHeader };
    const without = await app.app.inject({ method: 'POST', url: `/test/upload-csrf/${tenant}`, payload, headers });
    expect(without.statusCode).toBe(403);
    const wrong = await app.app.inject({
      method: 'POST',
      url: `/test/upload-csrf/${tenant}?_csrf=falsch`,
      payload,
      headers,
    });
    expect(wrong.statusCode).toBe(403);
    const ok = await app.app.inject({
      method: 'POST',
      url: `/test/upload-csrf/${tenant}?_csrf=${encodeURIComponent(token)}`,
      payload,
      headers,
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().files.nachweis).toHaveLength(1);
  });
});
