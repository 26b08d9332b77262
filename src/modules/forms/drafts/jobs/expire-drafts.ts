import { sql } from 'kysely';
import { allTenants } from '../../../../platform/db/scope.ts';
import type { Deps } from '../../../../platform/deps.ts';
import { defineJob, type JobDefinition } from '../../../../platform/jobs/index.ts';
import { deleteUploadsOfDraft } from '../../uploads/index.ts';

const BATCH = 500;

/**
 * Job `drafts.expire` (payload `{}`; run it periodically, hourly in `periodicJobs`): deletes, across all
 * tenants, the drafts whose `expires_at` has passed and that are
 * - still open (abandoned applications: their encrypted answers must not outlive the retention), or
 * - marked submitted but whose submission no longer exists.
 * A submitted draft whose submission exists is kept (its state is already emptied at submit; the
 * submission refers to it by `draft_id`).
 *
 * Uploads: after each batch the job calls `deleteUploadsOfDraft` for every deleted draft, so the files go
 * at once. Draft rows are deleted first; should the process stop before the uploads are gone, the
 * `uploads.cleanup` job removes them later (it deletes uploads whose draft is missing). Idempotent.
 */
export function createDraftExpiryJob(deps: Deps): JobDefinition<Record<string, never>> {
  return defineJob<Record<string, never>>('drafts.expire', async (_payload, { now, signal }) => {
    await expireDrafts(deps, now, signal);
  });
}

/** The work of the job; returns how many drafts were deleted. */
export async function expireDrafts(deps: Deps, now: Date, signal?: AbortSignal): Promise<number> {
  let deleted = 0;
  for (;;) {
    if (signal?.aborted) break;
    // A deliberate sweep over all tenants: the guard needs the marker.
    const rows = await deps.database.db
      .deleteFrom('drafts')
      .where('id', 'in', (eb) =>
        eb
          .selectFrom('drafts as d')
          .select('d.id')
          .where('d.expires_at', '<=', now)
          .where((w) =>
            w.or([
              w('d.status', '=', 'open'),
              w.and([
                w('d.status', '=', 'submitted'),
                w.not(
                  w.exists(
                    w
                      .selectFrom('submissions as s')
                      .select(sql.lit(1).as('one'))
                      .whereRef('s.draft_id', '=', 'd.id')
                      .whereRef('s.tenant_id', '=', 'd.tenant_id'),
                  ),
                ),
              ]),
            ]),
          )
          .limit(BATCH),
      )
      .returning(['id', 'tenant_id'])
      .modifyEnd(allTenants)
      .execute();
    for (const row of rows) await deleteUploadsOfDraft(deps, row.tenant_id, row.id);
    deleted += rows.length;
    if (rows.length < BATCH) break;
  }
  return deleted;
}
