import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  attachToSubmission,
  createUploadCleanupJob,
  deleteUploadsOfDraft,
  loadUpload,
  removeAbandonedUploads,
} from '../../src/modules/forms/uploads/index.ts';
import type { ManualClock } from '../../src/platform/clock.ts';
import type { JobContext } from '../../src/platform/jobs/index.ts';
import type { TestApp } from '../helpers/app.ts';
import { pdf, png } from './fixtures.ts';
import { createUploadTestApp, postForm, uploadFiles } from './upload-app.ts';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

describe('uploads: attach, delete with the draft, cleanup job', () => {
  let app: TestApp;
  let tenant: string;
  let otherTenant: string;

  beforeAll(async () => {
    app = await createUploadTestApp();
    [tenant, otherTenant] = [...app.tenantIds.values()] as [string, string];
    await sql`insert into assistant_versions (assistant_id, version, definition) values ('upload-test', '1.0.0', '{}'::jsonb)`.execute(
      app.deps.database.db,
    );
  });
  afterAll(() => app.close());

  async function upload(draftId: string | null, name = 'nachweis.pdf'): Promise<string> {
    const res = await postForm(
      app,
      tenant,
      [{ name: 'nachweis', filename: name, content: pdf }],
      draftId ? `?draft=${draftId}` : '',
    );
    return res.json().files.nachweis[0].id as string;
  }

  async function createDraft(expiresAt: Date, status = 'open'): Promise<string> {
    const id = randomUUID();
    const now = app.clock.now();
    await sql`insert into drafts (id, tenant_id, assistant_id, assistant_version, current_step, state, status, created_at, updated_at, expires_at)
      values (${id}, ${tenant}, 'upload-test', '1.0.0', 'start', 'x', ${status}, ${now}, ${now}, ${expiresAt})`.execute(
      app.deps.database.db,
    );
    return id;
  }

  async function exists(id: string): Promise<boolean> {
    const r = await sql<{ n: number }>`select count(*)::int as n from uploads where id = ${id}`.execute(
      app.deps.database.db,
    );
    return r.rows[0]!.n === 1;
  }

  it('attaches only the tenant’s own, unattached uploads of the given draft', async () => {
    const draft = randomUUID();
    const first = await upload(draft);
    const second = await upload(draft);
    const stranger = await upload(randomUUID());
    const submission = randomUUID();
    const db = app.deps.database.db;

    expect(await attachToSubmission(db, otherTenant, [first], submission)).toEqual([]);
    expect(await attachToSubmission(db, tenant, [first, stranger, 'kaputt'], submission, { draftId: draft })).toEqual([
      first,
    ]);
    expect(await attachToSubmission(db, tenant, [first], randomUUID())).toEqual([]); // already attached
    expect((await loadUpload(app.deps, tenant, first)).meta.submissionId).toBe(submission);

    // Discarding the draft's rest removes the unattached one, row and file; the attached one stays.
    const filesBefore = uploadFiles(app).length;
    expect(await deleteUploadsOfDraft(app.deps, otherTenant, draft)).toBe(0);
    expect(await deleteUploadsOfDraft(app.deps, tenant, draft)).toBe(1);
    expect(await exists(second)).toBe(false);
    expect(await exists(first)).toBe(true);
    expect(uploadFiles(app).length).toBe(filesBefore - 1);
    const loaded = await loadUpload(app.deps, tenant, first);
    expect(loaded.content.equals(pdf)).toBe(true);
    expect(loaded.meta.name).toBe('nachweis.pdf');
  });

  it('cleanup removes uploads of missing, expired or submitted drafts and draftless ones after the retention', async () => {
    const clock = app.clock as ManualClock;
    const start = clock.now();
    const openDraft = await createDraft(new Date(start.getTime() + 30 * DAY));
    const expiredDraft = await createDraft(new Date(start.getTime() + HOUR));
    const submittedDraft = await createDraft(new Date(start.getTime() + 30 * DAY), 'submitted');

    const ofOpen = await upload(openDraft);
    const ofExpired = await upload(expiredDraft);
    const ofSubmitted = await upload(submittedDraft);
    const ofMissing = await upload(randomUUID());
    const withoutDraft = await upload(null);
    const attached = await upload(randomUUID());
    await attachToSubmission(app.deps.database.db, tenant, [attached], randomUUID());
    const all = [ofOpen, ofExpired, ofSubmitted, ofMissing, withoutDraft, attached];

    // Within the grace hour nothing goes.
    await removeAbandonedUploads(app.deps, new Date(start.getTime() + 30 * 60 * 1000));
    for (const id of all) expect(await exists(id)).toBe(true);

    const job = createUploadCleanupJob(app.deps);
    expect(job.kind).toBe('uploads.cleanup');
    const context = (now: Date) => ({ now, signal: new AbortController().signal, job: {} }) as unknown as JobContext;
    await job.handler({}, context(new Date(start.getTime() + 2 * HOUR)));
    expect(await exists(ofOpen)).toBe(true);
    expect(await exists(ofExpired)).toBe(false);
    expect(await exists(ofSubmitted)).toBe(false);
    expect(await exists(ofMissing)).toBe(false);
    expect(await exists(withoutDraft)).toBe(true);
    expect(await exists(attached)).toBe(true);

    await job.handler({}, context(new Date(start.getTime() + (app.config.draftTtlDays + 1) * DAY)));
    expect(await exists(withoutDraft)).toBe(false);
    expect(await exists(attached)).toBe(true);
    // The open draft has expired by now as well.
    expect(await exists(ofOpen)).toBe(false);

    const remaining = await sql<{ storage_key: string }>`select storage_key from uploads`.execute(app.deps.database.db);
    expect(
      uploadFiles(app)
        .map((f) => f.slice(3))
        .sort(),
    ).toEqual(remaining.rows.map((r) => r.storage_key).sort());
  });

  it('keeps a PNG as PNG through the whole round trip', async () => {
    const res = await postForm(app, tenant, [{ name: 'foto', filename: 'foto.png', content: png }]);
    const id = res.json().files.foto[0].id as string;
    const { meta, content } = await loadUpload(app.deps, tenant, id);
    expect(meta.mimeType).toBe('image/png');
    expect(content.equals(png)).toBe(true);
  });
});
