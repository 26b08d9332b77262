import { scoped } from '../../../../platform/db/scope.ts';
import type { Deps } from '../../../../platform/deps.ts';
import type { Session } from '../../../../platform/http/session.ts';
import { findPublishedDefinition } from '../../assistants-store/repo.ts';
import { localize } from '../../engine/index.ts';
import { anonymousDraftRefs, forgetAnonymousDrafts } from '../draft-access.ts';

/** An application begun without a login that the citizen may take into their account. */
export interface AttachableDraft {
  id: string;
  tenantId: string;
  title: string;
}

/** The session's anonymous drafts that are still open, unexpired and owned by nobody. */
export async function attachableDrafts(deps: Deps, session: Session | null): Promise<AttachableDraft[]> {
  const found: AttachableDraft[] = [];
  for (const ref of anonymousDraftRefs(session)) {
    const row = await scoped(deps.database.db, ref.tenantId)
      .selectFrom('drafts')
      .select(['id', 'assistant_id', 'assistant_version'])
      .where('id', '=', ref.id)
      .where('status', '=', 'open')
      .where('citizen_account_id', 'is', null)
      .where('expires_at', '>', deps.clock.now())
      .executeTakeFirst();
    if (!row) continue;
    const def = await findPublishedDefinition(deps.database, row.assistant_id, row.assistant_version);
    found.push({ id: row.id, tenantId: ref.tenantId, title: def ? localize(def.title, 'de') : row.assistant_id });
  }
  return found;
}

/**
 * "Ja, übernehmen": the session's anonymous drafts become the account's (only those still owned by
 * nobody: a draft never changes hands between accounts). The session keeps its access either way.
 */
export async function attachDrafts(deps: Deps, session: Session, accountId: string): Promise<number> {
  let attached = 0;
  for (const draft of await attachableDrafts(deps, session)) {
    const result = await scoped(deps.database.db, draft.tenantId)
      .updateTable('drafts')
      .set({ citizen_account_id: accountId })
      .where('id', '=', draft.id)
      .where('citizen_account_id', 'is', null)
      .executeTakeFirst();
    attached += Number(result.numUpdatedRows);
  }
  forgetAnonymousDrafts(session);
  return attached;
}

/** "Nein": the drafts stay anonymous (resumable with their code) and are not offered again. */
export function declineAttachingDrafts(session: Session): void {
  forgetAnonymousDrafts(session);
}
