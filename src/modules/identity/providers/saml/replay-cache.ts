import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../../../platform/db/schema.ts';

/**
 * Remembers an accepted assertion id until it would have expired anyway. Returns false when the id was
 * seen before (a replayed assertion) — across browsers, sessions and application instances.
 */
export async function rememberAssertion(
  db: Kysely<DB>,
  assertionId: string,
  expiresAt: Date,
  now: Date,
): Promise<boolean> {
  const assertionHash = createHash('sha256').update(assertionId).digest('hex');
  await db.deleteFrom('saml_assertion_replays').where('expires_at', '<', now).execute();
  const inserted = await db
    .insertInto('saml_assertion_replays')
    .values({ assertion_hash: assertionHash, expires_at: expiresAt })
    .onConflict((oc) => oc.column('assertion_hash').doNothing())
    .returning('assertion_hash')
    .executeTakeFirst();
  return !!inserted;
}
