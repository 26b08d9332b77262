import { allTenants } from '../../../platform/db/scope.ts';
import type { Deps } from '../../../platform/deps.ts';
import type { SubmissionState } from '../../submissions/lifecycle/states.ts';

/** A submitted application of the account, with its municipality. */
export interface AccountApplication {
  id: string;
  tenantId: string;
  tenantSlug: string;
  tenantName: string;
  reference: string;
  assistantId: string;
  assistantVersion: string;
  state: SubmissionState;
  submittedAt: Date;
  stateChangedAt: Date;
}

const REFERENCE = /^[A-Z0-9-]{4,40}$/;

function applications(deps: Deps, accountId: string) {
  // Mein Konto spans every municipality the citizen applied to: a deliberate cross-tenant query, bound to
  // the account instead of a tenant.
  return deps.database.db
    .selectFrom('submissions')
    .innerJoin('tenants', 'tenants.id', 'submissions.tenant_id')
    .select([
      'submissions.id',
      'submissions.tenant_id',
      'tenants.slug',
      'tenants.name',
      'submissions.reference',
      'submissions.assistant_id',
      'submissions.assistant_version',
      'submissions.state',
      'submissions.submitted_at',
      'submissions.state_changed_at',
    ])
    .where('submissions.citizen_account_id', '=', accountId)
    .modifyEnd(allTenants);
}

type Row = Awaited<ReturnType<ReturnType<typeof applications>['executeTakeFirstOrThrow']>>;

const toApplication = (r: Row): AccountApplication => ({
  id: r.id,
  tenantId: r.tenant_id,
  tenantSlug: r.slug,
  tenantName: r.name,
  reference: r.reference,
  assistantId: r.assistant_id,
  assistantVersion: r.assistant_version,
  state: r.state,
  submittedAt: r.submitted_at,
  stateChangedAt: r.state_changed_at,
});

/** The account's applications across all municipalities, newest first. */
export async function listAccountApplications(
  deps: Deps,
  accountId: string,
  limit = 500,
): Promise<AccountApplication[]> {
  const rows = await applications(deps, accountId)
    .orderBy('submissions.submitted_at', 'desc')
    .orderBy('submissions.id')
    .limit(limit)
    .execute();
  return rows.map(toApplication);
}

/** One application of the account by reference number; undefined for another's or an unknown one. */
export async function findAccountApplication(
  deps: Deps,
  accountId: string,
  reference: string,
): Promise<AccountApplication | undefined> {
  if (!REFERENCE.test(reference)) return undefined;
  const row = await applications(deps, accountId).where('submissions.reference', '=', reference).executeTakeFirst();
  return row ? toApplication(row) : undefined;
}
