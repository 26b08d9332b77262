import type { Transaction } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { allTenants, scoped } from '../../../platform/db/scope.ts';
import type { Deps } from '../../../platform/deps.ts';
import { AppError } from '../../../platform/errors.ts';
import { defineJob, type JobDefinition } from '../../../platform/jobs/index.ts';
import { fitIssuer } from './auth.ts';
import { appendEvent, signServiceEvents } from './events.ts';
import { deleteContent, type FitSubmissionRow } from './store.ts';

/**
 * Content deletion of FIT submissions. FIT-Connect's Zustelldienst deletes a submission's content after the
 * subscriber confirmed it and, when nobody fetches it, marks it undeliverable after 14 days and deletes it
 * later ("Benachrichtigungen und Löschfristen" in the FIT-Connect documentation); the SETs of the event log
 * stay much longer as the proof of delivery. SAC deletes at the decision itself (acknowledge.ts) and, for
 * submissions never accepted or rejected, after SAC_FIT_UNCONFIRMED_DAYS (this job).
 */
export const FIT_RETENTION_JOB = 'fit.delete-unconfirmed';

const BATCH = 200;

/**
 * What a fetch of deleted content answers: 404 with a German detail saying what happened. FIT-Connect
 * documents that a submission past its deadline "kann nicht mehr abgerufen werden" without naming another
 * status, and its Submission API answers a submission it does not have with 404 (`submission-not-found`);
 * clients written against it handle 404, not 410. Only the destination's own client gets this detail —
 * everybody else gets the plain 404 of an unknown id — so it tells nothing to outsiders.
 */
export function contentDeleted(row: Pick<FitSubmissionRow, 'status' | 'content_deleted_at'>): AppError {
  const on = row.content_deleted_at ? ` am ${row.content_deleted_at.toISOString().slice(0, 10)}` : '';
  const why =
    row.status === 'accepted'
      ? 'nach der Annahme (accept-submission)'
      : row.status === 'rejected'
        ? 'nach der Zurückweisung (reject-submission)'
        : row.status === 'incomplete'
          ? 'weil sie nicht rechtzeitig abgeschickt wurde'
          : 'weil sie nicht rechtzeitig angenommen oder zurückgewiesen wurde';
  return new AppError(
    'not_found',
    `Der Inhalt dieser Einreichung wurde${on} ${why} gelöscht. Das Ereignisprotokoll (…/events) bleibt abrufbar.`,
  );
}

/** Job `fit.delete-unconfirmed` (payload `{}`, hourly in `periodicJobs`). Idempotent. */
export function createFitRetentionJob(deps: Deps): JobDefinition<Record<string, never>> {
  return defineJob<Record<string, never>>(FIT_RETENTION_JOB, async (_payload, { now, signal }) => {
    await deleteUnconfirmedContent(deps, now, signal);
  });
}

/**
 * Deletes, across all tenants, the ciphertexts of submissions that were never accepted or rejected: those
 * submitted (or, never submitted, created) at least `config.fitUnconfirmedDays` ago. Each one gets a
 * `delete-submission` SET signed by SAC in its event log, in the same transaction; its status stays, so the
 * log shows it was never confirmed. Returns how many were deleted.
 */
export async function deleteUnconfirmedContent(deps: Deps, now: Date, signal?: AbortSignal): Promise<number> {
  const db = deps.database.db;
  const cutoff = new Date(now.getTime() - deps.config.fitUnconfirmedDays * 86_400_000);
  let deleted = 0;
  for (;;) {
    if (signal?.aborted) break;
    // A deliberate sweep over all tenants: the guard needs the marker.
    const due = await db
      .selectFrom('fit_submissions')
      .select(['id', 'tenant_id', 'case_id'])
      .where('status', 'in', ['incomplete', 'submitted'])
      .where('content_deleted_at', 'is', null)
      .where('created_at', '<=', cutoff)
      .where((eb) => eb(eb.fn.coalesce('submitted_at', 'created_at'), '<=', cutoff))
      .orderBy('created_at')
      .limit(BATCH)
      .modifyEnd(allTenants)
      .execute();
    for (const row of due) {
      if (signal?.aborted) break;
      if (await deleteOne(deps, { tenantId: row.tenant_id, submissionId: row.id, caseId: row.case_id }, now)) {
        deleted++;
      }
    }
    if (due.length < BATCH) break;
  }
  return deleted;
}

async function deleteOne(
  deps: Deps,
  ref: { tenantId: string; submissionId: string; caseId: string },
  now: Date,
): Promise<boolean> {
  const db = deps.database.db;
  // Signed before the transaction: reading the service key inside it would wait for itself on PGlite.
  const [event] = await signServiceEvents(
    { keyDb: db, cipher: deps.cipher, issuer: fitIssuer(deps) },
    ref,
    ['delete-submission'],
    now,
  );
  return db.transaction().execute(async (trx) => {
    const current = await scoped(trx, ref.tenantId)
      .selectFrom('fit_submissions')
      .select(['status', 'content_deleted_at', 'delivery_id'])
      .where('id', '=', ref.submissionId)
      .forUpdate()
      .executeTakeFirst();
    // Decided (and so emptied) or emptied by another worker since the sweep read it: nothing to do.
    if (!current || current.content_deleted_at || !['incomplete', 'submitted'].includes(current.status)) return false;
    await deleteContent(trx, ref.tenantId, ref.submissionId, now);
    await appendEvent(trx, ref, event!);
    if (current.delivery_id) await markDeliveryUnfetched(trx, deps, ref, current.delivery_id, now);
    return true;
  });
}

/**
 * The SAC delivery behind a submission nobody fetched is not done: it becomes `dead` with the reason, so the
 * operator's delivery monitor shows it (and `sac_deliveries{state="dead"}` counts it), and the FIT
 * submission lets go of it (`delivery_id` null), so that "Erneut versuchen" stores a new one for the
 * destination instead of finding the emptied one. Ids only in the audit event and the log.
 */
async function markDeliveryUnfetched(
  trx: Transaction<DB>,
  deps: Deps,
  ref: { tenantId: string; submissionId: string },
  deliveryId: string,
  now: Date,
): Promise<void> {
  await scoped(trx, ref.tenantId)
    .updateTable('fit_submissions')
    .set({ delivery_id: null })
    .where('id', '=', ref.submissionId)
    .execute();
  const days = deps.config.fitUnconfirmedDays;
  const marked = await scoped(trx, ref.tenantId)
    .updateTable('deliveries')
    .set({
      state: 'dead',
      last_error: `Vom Fachverfahren nicht innerhalb von ${days} Tagen abgeholt und bestätigt; der verschlüsselte Inhalt wurde gelöscht. „Erneut versuchen“ stellt den Antrag neu bereit.`,
      updated_at: now,
    })
    .where('id', '=', deliveryId)
    .where('state', '=', 'delivered')
    .executeTakeFirst();
  if (marked.numUpdatedRows === 0n) return;
  await trx
    .insertInto('audit_events')
    .values({
      tenant_id: ref.tenantId,
      at: now,
      actor: 'system',
      action: 'delivery.fit_unfetched',
      object_type: 'delivery',
      object_id: deliveryId,
      details: JSON.stringify({ fitSubmissionId: ref.submissionId, days }),
    })
    .execute();
  deps.log.warn(
    { tenantId: ref.tenantId, deliveryId, fitSubmissionId: ref.submissionId, days },
    'FIT submission not fetched in time; its delivery is dead until an operator retries it',
  );
}
