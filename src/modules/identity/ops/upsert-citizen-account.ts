import type { Deps } from '../../../platform/deps.ts';
import type { TrustLevel } from '../trust-levels.ts';

/** Finds or creates the citizen account for a hashed pseudonym and notes the login; returns its id. */
export async function upsertCitizenAccount(
  deps: Deps,
  input: { pseudonymHash: string; provider: string; trustLevel: Exclude<TrustLevel, 'none'> },
): Promise<string> {
  const now = deps.clock.now();
  const row = await deps.database.db
    .insertInto('citizen_accounts')
    .values({
      pseudonym_hash: input.pseudonymHash,
      created_at: now,
      last_login_at: now,
      last_provider: input.provider,
      last_trust_level: input.trustLevel,
    })
    .onConflict((oc) =>
      oc.column('pseudonym_hash').doUpdateSet({
        last_login_at: now,
        last_provider: input.provider,
        last_trust_level: input.trustLevel,
      }),
    )
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
