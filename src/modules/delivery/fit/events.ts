import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import type { Kysely } from 'kysely';
import type { DataCipher } from '../../../platform/crypto/data-cipher.ts';
import type { DB } from '../../../platform/db/schema.ts';
import type { Executor } from '../../../platform/db/scope.ts';
import { scoped } from '../../../platform/db/scope.ts';
import { EVENT_URI_PREFIX, SET_ALGORITHM, SET_TYPE } from '../crypto/security-event-token.ts';
import { serviceKey } from './service-key.ts';

/** Events SAC itself issues about a submission (as the Zustelldienst); `delete-submission` by the retention job. */
export type ServiceEvent = 'create-submission' | 'submit-submission' | 'delete-submission';

export interface SubmissionRef {
  tenantId: string;
  submissionId: string;
  caseId: string;
}

/** Signs a SAC event as SET `{typ: secevent+jwt, alg: PS512}`, verifiable with `/.well-known/jwks.json`. */
export async function signServiceEvent(
  keyDb: Kysely<DB>,
  cipher: DataCipher,
  issuer: string,
  ref: SubmissionRef,
  event: ServiceEvent,
  now: Date,
): Promise<{ token: string; jti: string }> {
  const key = await serviceKey(keyDb, cipher, now);
  const jti = randomUUID();
  const token = await new SignJWT({ txn: `case:${ref.caseId}`, events: { [EVENT_URI_PREFIX + event]: {} } })
    .setProtectedHeader({ typ: SET_TYPE, alg: SET_ALGORITHM, kid: key.kid })
    .setIssuer(issuer)
    .setSubject(`submission:${ref.submissionId}`)
    .setIssuedAt(Math.floor(now.getTime() / 1000))
    .setJti(jti)
    .sign(key.privateKey);
  return { token, jti };
}

/** Appends one entry to the submission's event log. */
export async function appendEvent(
  db: Executor,
  ref: SubmissionRef,
  entry: { event: string; issuer: string; jti: string; token: string; at: Date },
): Promise<void> {
  await scoped(db, ref.tenantId)
    .insertInto('fit_events', {
      id: randomUUID(),
      submission_id: ref.submissionId,
      event: entry.event,
      issuer: entry.issuer,
      jti: entry.jti,
      token: entry.token,
      at: entry.at,
    })
    .execute();
}

/**
 * Signs SAC events ahead of the transaction that stores them: the service key may have to be read from the
 * database first, which must not happen inside a transaction (PGlite has a single connection).
 */
export async function signServiceEvents(
  deps: { keyDb: Kysely<DB>; cipher: DataCipher; issuer: string },
  ref: SubmissionRef,
  events: ServiceEvent[],
  now: Date,
): Promise<{ event: ServiceEvent; issuer: string; jti: string; token: string; at: Date }[]> {
  const signed = [];
  for (const event of events) {
    const { token, jti } = await signServiceEvent(deps.keyDb, deps.cipher, deps.issuer, ref, event, now);
    signed.push({ event, issuer: deps.issuer, jti, token, at: now });
  }
  return signed;
}

/** The event log (SETs, oldest first) of one submission. */
export async function eventLog(db: Executor, tenantId: string, submissionId: string): Promise<string[]> {
  const rows = await scoped(db, tenantId)
    .selectFrom('fit_events')
    .select('token')
    .where('submission_id', '=', submissionId)
    .orderBy('seq')
    .execute();
  return rows.map((r) => r.token);
}
