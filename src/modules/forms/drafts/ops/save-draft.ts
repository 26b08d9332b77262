import { scoped } from '../../../../platform/db/scope.ts';
import type { Deps } from '../../../../platform/deps.ts';
import { capRaw, type DraftState } from '../draft-state.ts';
import { type Draft, draftExpiry } from '../repo.ts';

/**
 * Stores the draft's state (encrypted, AAD = draft id) and where the citizen is; each save extends the
 * expiry. Only open drafts change: a submitted draft is never written again.
 */
export async function saveDraft(deps: Deps, draft: Draft, state: DraftState, currentStep: string): Promise<void> {
  const stored: DraftState = { ...state, raw: capRaw(state.raw) };
  await scoped(deps.database.db, draft.tenantId)
    .updateTable('drafts')
    .set({
      state: deps.cipher.encryptJson(stored, draft.id),
      current_step: currentStep,
      updated_at: deps.clock.now(),
      expires_at: draftExpiry(deps),
    })
    .where('id', '=', draft.id)
    .where('status', '=', 'open')
    .execute();
}
