import { randomUUID } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { scoped } from '../../../platform/db/scope.ts';
import type { Deps } from '../../../platform/deps.ts';
import { transitionHooks } from './hooks.ts';
import { canTransition, type SubmissionState } from './states.ts';

export interface TransitionRequest {
  tenantId: string;
  submissionId: string;
  to: SubmissionState;
  /** Who caused it: 'citizen', 'system', 'staff:<id>', 'payment:<provider>', 'fachverfahren:<route>'. */
  actor: string;
  /** Internal reason for operators (not shown to the citizen), e.g. 'notification', 'expired after 7 days'. */
  reason?: string | undefined;
  /** Text for the citizen's timeline (e.g. the office's words); stored encrypted. */
  note?: string | undefined;
  /** Only transition when the current state is one of these (besides being an allowed transition). */
  from?: readonly SubmissionState[] | undefined;
}

export interface TransitionEvent {
  id: string;
  tenantId: string;
  submissionId: string;
  from: SubmissionState | null;
  to: SubmissionState;
  at: Date;
  actor: string;
  reason: string | null;
  note: string | null;
}

export type TransitionResult =
  | { ok: true; event: TransitionEvent }
  /** The submission is (now) in a state from which `to` is not allowed: a concurrent attempt won. */
  | { ok: false; current: SubmissionState }
  | { ok: false; current: null };

/**
 * Moves a submission to another state inside the caller's transaction: locks the row (`FOR UPDATE`), checks
 * the transition, updates the state, records the event and runs the hooks (delivery enqueue, citizen
 * notification) in the same transaction. Of two concurrent attempts exactly one wins; the other gets
 * `{ ok: false, current }`. A not-found (or other tenant's) submission gives `current: null`.
 */
export async function transition(
  trx: Transaction<DB>,
  deps: Deps,
  request: TransitionRequest,
): Promise<TransitionResult> {
  const db = scoped(trx, request.tenantId);
  const row = await db
    .selectFrom('submissions')
    .select(['state'])
    .where('id', '=', request.submissionId)
    .forUpdate()
    .executeTakeFirst();
  if (!row) return { ok: false, current: null };
  const from = row.state;
  if (!canTransition(from, request.to) || (request.from && !request.from.includes(from))) {
    return { ok: false, current: from };
  }
  const at = deps.clock.now();
  const id = randomUUID();
  const event: TransitionEvent = {
    id,
    tenantId: request.tenantId,
    submissionId: request.submissionId,
    from,
    to: request.to,
    at,
    actor: request.actor,
    reason: request.reason ?? null,
    note: request.note ?? null,
  };
  // The state change and its timeline event in one statement (the row is locked above). Written by hand:
  // both parts name the tenant explicitly.
  await sql`
    with moved as (
      update submissions set state = ${request.to}, state_changed_at = ${at}::timestamptz
      where tenant_id = ${request.tenantId}::uuid and id = ${request.submissionId}::uuid
      returning id, tenant_id
    )
    insert into submission_events (id, tenant_id, submission_id, from_state, to_state, at, actor, reason, note)
    select ${id}::uuid, moved.tenant_id, moved.id, ${from}, ${request.to}, ${at}::timestamptz, ${request.actor},
      ${event.reason}, ${event.note === null ? null : deps.cipher.encrypt(event.note, id)}
    from moved`.execute(trx);
  for (const hook of transitionHooks) await hook(trx, deps, event);
  return { ok: true, event };
}

/** Records a timeline event (used by `transition` and for the initial `submitted` entry). */
export async function recordEvent(
  trx: Transaction<DB>,
  deps: Deps,
  e: Omit<TransitionRequest, 'from'> & { from: SubmissionState | null; at: Date },
): Promise<TransitionEvent> {
  const id = randomUUID();
  await scoped(trx, e.tenantId)
    .insertInto('submission_events', {
      id,
      submission_id: e.submissionId,
      from_state: e.from,
      to_state: e.to,
      at: e.at,
      actor: e.actor,
      reason: e.reason ?? null,
      note: e.note ? deps.cipher.encrypt(e.note, id) : null,
    })
    .execute();
  return {
    id,
    tenantId: e.tenantId,
    submissionId: e.submissionId,
    from: e.from,
    to: e.to,
    at: e.at,
    actor: e.actor,
    reason: e.reason ?? null,
    note: e.note ?? null,
  };
}

/** The timeline of one submission, oldest first, with notes decrypted. Tenant-scoped. */
export async function listEvents(
  deps: Deps,
  tenantId: string,
  submissionId: string,
  executor: Transaction<DB> | Deps['database']['db'] = deps.database.db,
): Promise<TransitionEvent[]> {
  const rows = await scoped(executor, tenantId)
    .selectFrom('submission_events')
    .selectAll()
    .where('submission_id', '=', submissionId)
    .orderBy('at')
    .orderBy('seq')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    tenantId: r.tenant_id,
    submissionId: r.submission_id,
    from: r.from_state,
    to: r.to_state,
    at: r.at,
    actor: r.actor,
    reason: r.reason,
    note: r.note ? deps.cipher.decrypt(r.note, r.id) : null,
  }));
}
