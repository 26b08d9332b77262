import { randomUUID } from 'node:crypto';
import type { Insertable, Transaction } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { scoped } from '../../../platform/db/scope.ts';
import type { Deps } from '../../../platform/deps.ts';
import type { AssistantDefinition, Language } from '../../forms/definition/types.ts';
import { emptyDraftState } from '../../forms/drafts/draft-state.ts';
import type { Draft } from '../../forms/drafts/repo.ts';
import {
  computeFees,
  type EngineContext,
  type FieldError,
  pruneHidden,
  validateAnswers,
} from '../../forms/engine/index.ts';
import { attachToSubmission } from '../../forms/uploads/index.ts';
import { collectFileIds } from '../collect-file-ids.ts';
import { enqueueConfirmationMail } from '../jobs/confirmation-mail.ts';
import { recordEvent, transition } from '../lifecycle/transition.ts';
import { newReferenceNumber } from '../reference-number.ts';
import { referenceOfDraft } from '../repo.ts';
import { encryptStatusCode, newStatusCode } from '../status-code.ts';
import type { PrefillSource, SubmissionsTable } from '../tables.ts';

export interface SubmitApplicationOptions {
  tenant: { id: string; slug: string };
  draft: Draft;
  definition: AssistantDefinition;
  serviceId: string | null;
  ctx: EngineContext & { lang: Language };
  /** The logged-in citizen (null/undefined: anonymous use). */
  citizen?: { accountId: string; provider: string; trustLevel: 'basisregistrierung' | 'substantiell' | 'hoch' } | null;
  /** Which answers were pre-filled from the identity provider (recorded with the submission). */
  prefillSources?: Record<string, PrefillSource>;
}

export type SubmitOutcome =
  | { kind: 'submitted'; reference: string; statusCode: string }
  /** Another click or tab was first: the same submission. */
  | { kind: 'already'; reference: string }
  | { kind: 'invalid'; errors: FieldError[] }
  | { kind: 'consentMissing' };

const consentNeeded = (def: AssistantDefinition) => def.consent?.required !== false;

/**
 * Turns an open draft into exactly one submission. Everything is validated again; then one transaction
 * marks the draft submitted with `… WHERE status = 'open'` (the compare-and-set that makes double clicks
 * and second tabs harmless), inserts the submission with encrypted, pruned answers and the fee lines,
 * attaches the uploads it references, and enqueues the confirmation mail.
 */
export async function submitApplication(deps: Deps, options: SubmitApplicationOptions): Promise<SubmitOutcome> {
  const { draft, definition, ctx, tenant } = options;
  if (draft.status === 'submitted') return alreadySubmitted(deps, tenant.id, draft.id);
  const answers = pruneHidden(definition, draft.state.answers, ctx);
  const errors = validateAnswers(definition, answers, ctx);
  if (errors.length > 0) return { kind: 'invalid', errors };
  if (consentNeeded(definition) && !draft.state.consentAt) return { kind: 'consentMissing' };
  const fees = computeFees(definition, answers, ctx);
  const submissionId = randomUUID();
  const now = deps.clock.now();
  const statusCode = newStatusCode();

  const reference = await deps.database.db.transaction().execute(async (trx) => {
    const claimed = await scoped(trx, tenant.id)
      .updateTable('drafts')
      .set({
        status: 'submitted',
        submission_id: submissionId,
        state: deps.cipher.encryptJson(emptyDraftState(), draft.id),
        updated_at: now,
      })
      .where('id', '=', draft.id)
      .where('status', '=', 'open')
      .returning('id')
      .executeTakeFirst();
    if (!claimed) return undefined;
    const inserted = await insertWithUniqueReference(trx, tenant, {
      id: submissionId,
      draft_id: draft.id,
      offering_id: draft.offeringId,
      service_id: options.serviceId,
      assistant_id: definition.id,
      assistant_version: definition.version,
      answers: deps.cipher.encryptJson(answers, submissionId),
      fees: JSON.stringify(fees),
      language: ctx.lang,
      submitted_at: now,
      state_changed_at: now,
      citizen_account_id: options.citizen?.accountId ?? null,
      trust_level: options.citizen?.trustLevel ?? 'none',
      identity_provider: options.citizen?.provider ?? null,
      prefill_sources: JSON.stringify(options.prefillSources ?? {}),
      status_code: encryptStatusCode(deps.cipher, statusCode, submissionId),
    });
    const base = { tenantId: tenant.id, submissionId, actor: 'citizen' } as const;
    await recordEvent(trx, deps, { ...base, from: null, to: 'submitted', at: now });
    // Fee-bearing submissions wait for the payment; the others are released for delivery at once.
    const next = needsPayment(fees) ? 'awaiting_payment' : 'ready_for_delivery';
    const moved = await transition(trx, deps, { ...base, to: next, reason: 'submit' });
    if (!moved.ok) throw new Error(`submission ${submissionId} could not move to ${next}`);
    // Uploads the answers still reference belong to the submission now; removed ones stay for the cleanup job.
    await attachToSubmission(trx, tenant.id, collectFileIds(definition, answers), submissionId, { draftId: draft.id });
    await enqueueConfirmationMail(trx, { tenantId: tenant.id, submissionId });
    return inserted;
  });
  return reference ? { kind: 'submitted', reference, statusCode } : alreadySubmitted(deps, tenant.id, draft.id);
}

/** Whether the submission must be paid online before it is delivered. */
export function needsPayment(fees: { totalCents: number }): boolean {
  return fees.totalCents > 0;
}

type SubmissionRow = Omit<Insertable<SubmissionsTable>, 'reference' | 'tenant_id'>;

/** Inserts with a fresh reference; a (rare) collision is skipped by ON CONFLICT and retried with a new number. */
async function insertWithUniqueReference(
  trx: Transaction<DB>,
  tenant: { id: string; slug: string },
  row: SubmissionRow,
): Promise<string> {
  for (let attempt = 0; attempt < 10; attempt++) {
    const reference = newReferenceNumber(tenant.slug);
    const inserted = await scoped(trx, tenant.id)
      .insertInto('submissions', { ...row, reference })
      .onConflict((oc) => oc.column('reference').doNothing())
      .returning('reference')
      .executeTakeFirst();
    if (inserted) return inserted.reference;
  }
  throw new Error('no free reference number after 10 attempts');
}

async function alreadySubmitted(deps: Deps, tenantId: string, draftId: string): Promise<SubmitOutcome> {
  const reference = await referenceOfDraft(deps.database.db, tenantId, draftId);
  if (!reference) throw new Error(`draft ${draftId} is submitted but has no submission`);
  return { kind: 'already', reference };
}
