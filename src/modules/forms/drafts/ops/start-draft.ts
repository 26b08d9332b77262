import { randomUUID } from 'node:crypto';
import { scoped } from '../../../../platform/db/scope.ts';
import type { Deps } from '../../../../platform/deps.ts';
import type { Session } from '../../../../platform/http/session.ts';
import type { AssistantDefinition } from '../../definition/types.ts';
import { applicableSteps, todayIn } from '../../engine/index.ts';
import { grantDraft, rememberAnonymousDraft } from '../draft-access.ts';
import { applicablePrefill, type PrefillIdentity } from '../initial-state.ts';
import { draftExpiry } from '../repo.ts';

export interface StartDraftOptions {
  tenantId: string;
  offeringId: string | null;
  /** The latest published version; the draft stays on it. */
  definition: AssistantDefinition;
  session: Session;
  /** The logged-in citizen's attributes for pre-filling; none for anonymous citizens. */
  identity?: PrefillIdentity;
  /** The citizen account that owns the draft (Mein Konto); none: anonymous, offered for attaching at login. */
  citizenAccountId?: string;
}

/**
 * Creates an encrypted draft pinned to the definition's version, pre-filled from the identity, owned by
 * the citizen account if someone is logged in, and lets the session open it.
 */
export async function startDraft(
  deps: Deps,
  options: StartDraftOptions,
): Promise<{ draftId: string; firstStep: string }> {
  const { definition } = options;
  const id = randomUUID();
  const now = deps.clock.now();
  const today = todayIn(now);
  const state = applicablePrefill(definition, options.identity, { today });
  const firstStep = applicableSteps(definition, state.answers, { today })[0]?.id ?? definition.steps[0]!.id;
  await scoped(deps.database.db, options.tenantId)
    .insertInto('drafts', {
      id,
      offering_id: options.offeringId,
      assistant_id: definition.id,
      assistant_version: definition.version,
      current_step: firstStep,
      state: deps.cipher.encryptJson(state, id),
      created_at: now,
      updated_at: now,
      expires_at: draftExpiry(deps),
      citizen_account_id: options.citizenAccountId ?? null,
    })
    .execute();
  grantDraft(options.session, id);
  if (!options.citizenAccountId) rememberAnonymousDraft(options.session, { id, tenantId: options.tenantId });
  return { draftId: id, firstStep };
}
