import { decodeJwt } from 'jose';
import { scoped } from '../../../platform/db/scope.ts';
import type { Deps } from '../../../platform/deps.ts';
import { AppError } from '../../../platform/errors.ts';
import { transition } from '../../submissions/lifecycle/transition.ts';
import { authenticationTagOf } from '../crypto/jwe.ts';
import {
  type AuthenticationTags,
  type SetProblem,
  SetVerificationError,
  type VerifiedSet,
  verifySet,
} from '../crypto/security-event-token.ts';
import type { AuthenticatedClient } from './credentials.ts';
import { findDestination } from './destinations.ts';
import { appendEvent } from './events.ts';
import { attachmentIds, deleteContent, type FitSubmissionRow, findAttachment } from './store.ts';

/** How old a subscriber's SET may be when it arrives (and so how long its `jti` must be remembered). */
export const SET_MAX_AGE_SECONDS = 600;

const isUniqueViolation = (error: unknown) => (error as { code?: string })?.code === '23505';

/** Signature, issuer or key problems are authentication failures (401); the rest are invalid content (422). */
function verificationProblem(error: SetVerificationError): AppError {
  const m = error.message;
  const unauthenticated = /signature|"iss"|kid does not match|JWSInvalid|JWS Protected Header|alg/i.test(m);
  return new AppError(
    unauthenticated ? 'unauthorized' : 'validation',
    `Das Security Event Token ist ungültig: ${m.replace(/^SET rejected: /, '')}`,
  );
}

async function checkAuthenticationTags(
  deps: Deps,
  submission: FitSubmissionRow,
  given: AuthenticationTags | undefined,
): Promise<void> {
  if (!given || typeof given !== 'object') {
    throw new AppError('validation', 'accept-submission braucht authenticationTags für Metadaten, Daten und Anlagen.');
  }
  const mismatch: string[] = [];
  if (given.metadata !== authenticationTagOf(submission.encrypted_metadata!)) mismatch.push('metadata');
  if (given.data !== authenticationTagOf(submission.encrypted_data!)) mismatch.push('data');
  const ids = await attachmentIds(deps.database.db, submission.tenant_id, submission.id);
  const givenAttachments = given.attachments ?? {};
  for (const id of ids) {
    const content = await findAttachment(deps.database.db, submission.tenant_id, submission.id, id);
    if (givenAttachments[id] !== authenticationTagOf(content!)) mismatch.push(`attachment ${id}`);
  }
  for (const id of Object.keys(givenAttachments)) if (!ids.includes(id)) mismatch.push(`attachment ${id} (unknown)`);
  if (mismatch.length) {
    throw new AppError('validation', `Die authenticationTags passen nicht zur Einreichung: ${mismatch.join(', ')}.`);
  }
}

/** 409 unless the submission still waits for a decision (submitted, content present). */
function assertUndecided(row: Pick<FitSubmissionRow, 'status' | 'content_deleted_at'>): void {
  if (row.status === 'submitted' && !row.content_deleted_at) return;
  const why =
    row.status === 'accepted'
      ? 'bereits angenommen'
      : row.status === 'rejected'
        ? 'bereits zurückgewiesen'
        : row.status === 'submitted'
          ? 'nicht rechtzeitig angenommen oder zurückgewiesen worden; ihr Inhalt ist gelöscht'
          : 'nicht abholbereit';
  throw new AppError('conflict', `Die Einreichung ist ${why}.`);
}

/** The citizen-facing note of a reject-submission: the problems' details (or titles). */
function rejectionNote(body: Record<string, unknown>): string | undefined {
  const problems = Array.isArray(body.problems) ? (body.problems as SetProblem[]) : [];
  const texts = problems.map((p) => (typeof p?.detail === 'string' ? p.detail : p?.title)).filter(Boolean);
  return texts.length ? texts.join(' ').slice(0, 2000) : undefined;
}

/**
 * Processes a subscriber's accept-submission or reject-submission SET: verifies it against the
 * destination's registered signing key (PS512, issuer = destination, subject = this submission, case,
 * age, optional `aud` = SAC's API), refuses a replayed `jti`, checks the authentication tags of an accept,
 * then — in one transaction — records the event, marks the FIT submission accepted/rejected, deletes its
 * ciphertexts (as FIT-Connect does once a submission is confirmed; the SETs stay as the proof) and moves the
 * SAC application to `received` / `rejected` through the lifecycle. A refused SET changes and deletes nothing.
 */
export async function acknowledgeSubmission(
  deps: Deps,
  client: AuthenticatedClient,
  submission: FitSubmissionRow,
  jws: string,
  apiIssuer: string,
): Promise<{ event: VerifiedSet['event'] }> {
  const destination = await findDestination(deps.database.db, deps.cipher, client.tenantId, client.destinationId);
  if (!destination?.signingKey) {
    throw new AppError('validation', 'Für diesen Zustellpunkt ist kein Signaturschlüssel hinterlegt.');
  }
  const now = deps.clock.now();
  let verified: VerifiedSet;
  try {
    verified = await verifySet(jws, destination.signingKey, {
      expectedIssuer: destination.id,
      expectedSubmissionId: submission.id,
      expectedCaseId: submission.case_id,
      now,
      maxAgeSeconds: SET_MAX_AGE_SECONDS,
    });
  } catch (error) {
    if (error instanceof SetVerificationError) throw verificationProblem(error);
    throw new AppError('bad_request', 'Das Security Event Token kann nicht gelesen werden.');
  }
  const aud = decodeJwt(jws).aud;
  if (aud !== undefined && !(Array.isArray(aud) ? aud : [aud]).includes(apiIssuer)) {
    throw new AppError('unauthorized', 'Das Security Event Token ist für einen anderen Empfänger bestimmt (aud).');
  }
  const replay = await scoped(deps.database.db, client.tenantId)
    .selectFrom('fit_events')
    .select('id')
    .where('issuer', '=', destination.id)
    .where('jti', '=', verified.payload.jti)
    .executeTakeFirst();
  if (replay) throw new AppError('validation', 'Dieses Security Event Token wurde bereits verwendet (jti).');
  // Before the tags: a decided submission has no ciphertexts left to compare them with.
  assertUndecided(submission);
  if (verified.event === 'accept-submission') {
    await checkAuthenticationTags(deps, submission, verified.eventBody.authenticationTags as AuthenticationTags);
  }

  try {
    await deps.database.db.transaction().execute(async (trx) => {
      const current = await scoped(trx, client.tenantId)
        .selectFrom('fit_submissions')
        .select(['status', 'sac_submission_id', 'content_deleted_at'])
        .where('id', '=', submission.id)
        .forUpdate()
        .executeTakeFirstOrThrow();
      assertUndecided(current);
      const accepted = verified.event === 'accept-submission';
      await appendEvent(
        trx,
        { tenantId: client.tenantId, submissionId: submission.id, caseId: submission.case_id },
        {
          event: verified.event,
          issuer: destination.id,
          jti: verified.payload.jti,
          token: jws,
          at: now,
        },
      );
      await scoped(trx, client.tenantId)
        .updateTable('fit_submissions')
        .set({ status: accepted ? 'accepted' : 'rejected', decided_at: now })
        .where('id', '=', submission.id)
        .execute();
      await deleteContent(trx, client.tenantId, submission.id, now);
      if (!current.sac_submission_id) return;
      const actor = `fachverfahren:fit:${destination.id}`;
      const base = { tenantId: client.tenantId, submissionId: current.sac_submission_id, actor };
      // The subscriber may acknowledge before the outbox has recorded `delivered`: record it first.
      const state = await scoped(trx, client.tenantId)
        .selectFrom('submissions')
        .select('state')
        .where('id', '=', current.sac_submission_id)
        .executeTakeFirst();
      if (state?.state === 'ready_for_delivery') {
        await transition(trx, deps, { ...base, to: 'delivered', reason: 'fit: acknowledged by the subscriber' });
      }
      await transition(trx, deps, {
        ...base,
        to: accepted ? 'received' : 'rejected',
        reason: `fit: ${verified.event}`,
        note: accepted ? undefined : rejectionNote(verified.eventBody),
        from: ['delivered'],
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError('validation', 'Dieses Security Event Token wurde bereits verwendet (jti).');
    }
    throw error;
  }
  return { event: verified.event };
}
