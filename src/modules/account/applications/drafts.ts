import { allTenants, scoped } from '../../../platform/db/scope.ts';
import type { Deps } from '../../../platform/deps.ts';
import { deleteUploadsOfDraft } from '../../forms/uploads/index.ts';
import { isUuid } from '../ids.ts';

/** An open draft of the account. */
export interface AccountDraft {
  id: string;
  tenantId: string;
  tenantSlug: string;
  tenantName: string;
  assistantId: string;
  assistantVersion: string;
  currentStep: string;
  updatedAt: Date;
  expiresAt: Date;
}

function drafts(deps: Deps, accountId: string) {
  // Across tenants on purpose (Mein Konto), bound to the account.
  return deps.database.db
    .selectFrom('drafts')
    .innerJoin('tenants', 'tenants.id', 'drafts.tenant_id')
    .select([
      'drafts.id',
      'drafts.tenant_id',
      'tenants.slug',
      'tenants.name',
      'drafts.assistant_id',
      'drafts.assistant_version',
      'drafts.current_step',
      'drafts.updated_at',
      'drafts.expires_at',
    ])
    .where('drafts.citizen_account_id', '=', accountId)
    .where('drafts.status', '=', 'open')
    .where('drafts.expires_at', '>', deps.clock.now())
    .modifyEnd(allTenants);
}

type Row = Awaited<ReturnType<ReturnType<typeof drafts>['executeTakeFirstOrThrow']>>;

const toDraft = (r: Row): AccountDraft => ({
  id: r.id,
  tenantId: r.tenant_id,
  tenantSlug: r.slug,
  tenantName: r.name,
  assistantId: r.assistant_id,
  assistantVersion: r.assistant_version,
  currentStep: r.current_step,
  updatedAt: r.updated_at,
  expiresAt: r.expires_at,
});

/** The account's open, unexpired drafts, last saved first. */
export async function listAccountDrafts(deps: Deps, accountId: string, limit = 200): Promise<AccountDraft[]> {
  const rows = await drafts(deps, accountId).orderBy('drafts.updated_at', 'desc').limit(limit).execute();
  return rows.map(toDraft);
}

/** One open draft of the account; undefined for another's, unknown, expired or submitted drafts. */
export async function findAccountDraft(deps: Deps, accountId: string, draftId: string) {
  if (!isUuid(draftId)) return undefined;
  const row = await drafts(deps, accountId).where('drafts.id', '=', draftId).executeTakeFirst();
  return row ? toDraft(row) : undefined;
}

/** Deletes an open draft of the account and its uploads. Returns false when it was not (any longer) there. */
export async function deleteAccountDraft(deps: Deps, accountId: string, draft: AccountDraft): Promise<boolean> {
  const deleted = await scoped(deps.database.db, draft.tenantId)
    .deleteFrom('drafts')
    .where('id', '=', draft.id)
    .where('citizen_account_id', '=', accountId)
    .where('status', '=', 'open')
    .returning('id')
    .executeTakeFirst();
  if (!deleted) return false;
  await deleteUploadsOfDraft(deps, draft.tenantId, draft.id);
  return true;
}
