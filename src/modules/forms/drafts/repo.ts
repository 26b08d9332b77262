import type { Executor } from '../../../platform/db/scope.ts';
import { scoped } from '../../../platform/db/scope.ts';
import type { Deps } from '../../../platform/deps.ts';
import type { DraftState } from './draft-state.ts';
import type { DraftStatus } from './tables.ts';

/** A draft with its decrypted state. */
export interface Draft {
  id: string;
  tenantId: string;
  offeringId: string | null;
  assistantId: string;
  version: string;
  currentStep: string;
  status: DraftStatus;
  submissionId: string | null;
  state: DraftState;
  expiresAt: Date;
  /** The owning citizen account; null for anonymous drafts. */
  citizenAccountId: string | null;
}

/** The draft of this tenant, or undefined when unknown, of another tenant, or expired. */
export async function findDraft(
  deps: Deps,
  tenantId: string,
  draftId: string,
  db: Executor = deps.database.db,
): Promise<Draft | undefined> {
  if (!/^[0-9a-f-]{36}$/.test(draftId)) return undefined;
  const row = await scoped(db, tenantId).selectFrom('drafts').selectAll().where('id', '=', draftId).executeTakeFirst();
  if (!row || row.expires_at.getTime() <= deps.clock.now().getTime()) return undefined;
  return {
    id: row.id,
    tenantId: row.tenant_id,
    offeringId: row.offering_id,
    assistantId: row.assistant_id,
    version: row.assistant_version,
    currentStep: row.current_step,
    status: row.status,
    submissionId: row.submission_id,
    state: deps.cipher.decryptJson<DraftState>(row.state, row.id),
    expiresAt: row.expires_at,
    citizenAccountId: row.citizen_account_id ?? null,
  };
}

/** When a draft saved now expires: `config.draftTtlDays` after the last save. */
export function draftExpiry(deps: Deps): Date {
  return new Date(deps.clock.now().getTime() + deps.config.draftTtlDays * 86_400_000);
}
