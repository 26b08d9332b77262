import { createHash } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { scoped } from '../../../platform/db/scope.ts';
import type { Deps } from '../../../platform/deps.ts';
import { AppError } from '../../../platform/errors.ts';

export interface StoredResponse {
  status: number;
  body: unknown;
}

const KEY = /^[A-Za-z0-9._:-]{8,200}$/;

/** The `Idempotency-Key` header (or the body's `eventId`), checked; undefined when the caller sent none. */
export function idempotencyKey(header: unknown, eventId: unknown): string | undefined {
  const value = typeof header === 'string' ? header : typeof eventId === 'string' ? eventId : undefined;
  if (value === undefined) return undefined;
  if (!KEY.test(value)) {
    throw new AppError('bad_request', 'Idempotency-Key: 8–200 Zeichen aus Buchstaben, Ziffern und . _ : -');
  }
  return value;
}

export const requestHash = (kind: string, submissionId: string, body: unknown) =>
  createHash('sha256')
    .update(JSON.stringify([kind, submissionId, body]))
    .digest('hex');

const isUniqueViolation = (error: unknown) => (error as { code?: string })?.code === '23505';

async function stored(
  deps: Deps,
  tenantId: string,
  clientId: string,
  key: string,
  hash: string,
): Promise<StoredResponse | undefined> {
  const row = await scoped(deps.database.db, tenantId)
    .selectFrom('feedback_requests')
    .select(['request_hash', 'response_status', 'response_body'])
    .where('client_id', '=', clientId)
    .where('idempotency_key', '=', key)
    .executeTakeFirst();
  if (!row) return undefined;
  if (row.request_hash !== hash) {
    throw new AppError('validation', 'Dieser Idempotency-Key wurde schon für eine andere Anfrage verwendet.');
  }
  return { status: row.response_status, body: JSON.parse(row.response_body) };
}

/**
 * Runs `action` once per (client, key): a retry with the same key and body gets the first answer again,
 * without acting twice; the same key with another body is 422. The record is written in the action's
 * transaction, so a crash leaves either both or neither.
 */
export async function once(
  deps: Deps,
  scope: { tenantId: string; clientId: string; submissionId: string; key: string | undefined; hash: string },
  action: (trx: Transaction<DB>) => Promise<StoredResponse>,
): Promise<StoredResponse & { replayed: boolean }> {
  const { key } = scope;
  if (key) {
    const earlier = await stored(deps, scope.tenantId, scope.clientId, key, scope.hash);
    if (earlier) return { ...earlier, replayed: true };
  }
  try {
    const response = await deps.database.db.transaction().execute(async (trx) => {
      const result = await action(trx);
      if (key) {
        await scoped(trx, scope.tenantId)
          .insertInto('feedback_requests', {
            client_id: scope.clientId,
            idempotency_key: key,
            submission_id: scope.submissionId,
            request_hash: scope.hash,
            response_status: result.status,
            response_body: JSON.stringify(result.body),
            created_at: deps.clock.now(),
          })
          .execute();
      }
      return result;
    });
    return { ...response, replayed: false };
  } catch (error) {
    // A concurrent retry with the same key loses the unique key (or the state change) to the first one.
    if (key && (isUniqueViolation(error) || (error instanceof AppError && error.code === 'conflict'))) {
      const earlier = await stored(deps, scope.tenantId, scope.clientId, key, scope.hash);
      if (earlier) return { ...earlier, replayed: true };
    }
    throw error;
  }
}
