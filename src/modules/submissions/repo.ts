import type { Executor } from '../../platform/db/scope.ts';
import { scoped } from '../../platform/db/scope.ts';

/** The submission of this tenant with that reference number (never another tenant's). */
export function findSubmissionByReference(db: Executor, tenantId: string, reference: string) {
  return scoped(db, tenantId)
    .selectFrom('submissions')
    .select(['id', 'reference', 'assistant_id', 'assistant_version', 'fees', 'language', 'submitted_at', 'state'])
    .where('reference', '=', reference)
    .executeTakeFirst();
}

/** Reference number of the submission a draft turned into. */
export async function referenceOfDraft(db: Executor, tenantId: string, draftId: string): Promise<string | undefined> {
  const row = await scoped(db, tenantId)
    .selectFrom('submissions')
    .select('reference')
    .where('draft_id', '=', draftId)
    .executeTakeFirst();
  return row?.reference;
}
