import { randomUUID } from 'node:crypto';
import { scoped } from '../../../../platform/db/scope.ts';
import type { Deps } from '../../../../platform/deps.ts';
import type { Session } from '../../../../platform/http/session.ts';
import type { AssistantDefinition } from '../../definition/types.ts';
import { applicableSteps, todayIn } from '../../engine/index.ts';
import { grantDraft } from '../draft-access.ts';
import { applicablePrefill } from '../initial-state.ts';
import { draftExpiry } from '../repo.ts';

export interface StartDraftOptions {
  tenantId: string;
  offeringId: string | null;
  /** The latest published version; the draft stays on it. */
  definition: AssistantDefinition;
  session: Session;
  /** Identity attributes for pre-filling (e.g. `givenName`); none for anonymous citizens. */
  attributes?: Record<string, string>;
}

/** Creates an empty, encrypted draft pinned to the definition's version and lets the session open it. */
export async function startDraft(
  deps: Deps,
  options: StartDraftOptions,
): Promise<{ draftId: string; firstStep: string }> {
  const { definition } = options;
  const id = randomUUID();
  const now = deps.clock.now();
  const state = applicablePrefill(definition, options.attributes ?? {});
  const firstStep =
    applicableSteps(definition, state.answers, { today: todayIn(now) })[0]?.id ?? definition.steps[0]!.id;
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
    })
    .execute();
  grantDraft(options.session, id);
  return { draftId: id, firstStep };
}
