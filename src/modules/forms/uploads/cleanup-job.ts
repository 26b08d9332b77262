import { sql } from 'kysely';
import type { Deps } from '../../../platform/deps.ts';
import { defineJob, type JobDefinition } from '../../../platform/jobs/index.ts';
import { removeStoredFile } from './storage.ts';

/** Uploads younger than this are never removed: the draft row may be written just after the upload. */
const GRACE_MS = 60 * 60 * 1000;
const BATCH = 500;

/**
 * Job `uploads.cleanup` (payload `{}`; run it periodically, e.g. hourly): deletes uploads that are not
 * part of a submission when
 * - their draft no longer exists, is expired or was submitted without them (after a one-hour grace), or
 * - they have no draft and are older than the draft retention (`SAC_DRAFT_TTL_DAYS`).
 * A draft that is still open keeps its uploads. Rows go first, then the files. Idempotent.
 */
export function createUploadCleanupJob(deps: Deps): JobDefinition<Record<string, never>> {
  return defineJob<Record<string, never>>('uploads.cleanup', async (_payload, { now, signal }) => {
    await removeAbandonedUploads(deps, now, signal);
  });
}

/** The work of the cleanup job; returns how many uploads were removed. */
export async function removeAbandonedUploads(deps: Deps, now: Date, signal?: AbortSignal): Promise<number> {
  const graceEnd = new Date(now.getTime() - GRACE_MS);
  const retentionEnd = new Date(now.getTime() - deps.config.draftTtlDays * 24 * 60 * 60 * 1000);
  let removed = 0;
  for (;;) {
    if (signal?.aborted) break;
    // Raw SQL on purpose: a deliberate sweep over all tenants.
    const { rows } = await sql<{ storage_key: string }>`
      delete from uploads where id in (
        select u.id from uploads u
        where u.submission_id is null and (
          (u.draft_id is null and u.created_at < ${retentionEnd})
          or (u.draft_id is not null and u.created_at < ${graceEnd} and not exists (
            select 1 from drafts d
            where d.id = u.draft_id and d.tenant_id = u.tenant_id and d.status = 'open' and d.expires_at > ${now}))
        )
        limit ${BATCH}
      ) returning storage_key`.execute(deps.database.db);
    await Promise.all(rows.map((row) => removeStoredFile(deps.config.dataDir, row.storage_key)));
    removed += rows.length;
    if (rows.length < BATCH) break;
  }
  return removed;
}
