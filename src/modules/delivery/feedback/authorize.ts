import { scoped } from '../../../platform/db/scope.ts';
import type { Deps } from '../../../platform/deps.ts';
import { AppError } from '../../../platform/errors.ts';
import type { AuthenticatedClient } from '../fit/credentials.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The SAC application a feedback call is about, if the client may act on it: `submissionId` is the SAC
 * submission id (from the webhook envelope or the FIT data part) or the FIT submission id. A client with
 * `feedback` reaches applications delivered to its destination; one with `feedback:tenant` (for webhook
 * and e-mail routes) every application of its tenant. Anything else is 404, never 403.
 */
export async function feedbackTarget(deps: Deps, client: AuthenticatedClient, submissionId: string): Promise<string> {
  const notFound = new AppError('not_found', 'Diesen Antrag gibt es nicht (für diese Zugangsdaten).');
  if (!UUID.test(submissionId)) throw notFound;
  const db = scoped(deps.database.db, client.tenantId);
  const viaFit = await db
    .selectFrom('fit_submissions')
    .select('sac_submission_id')
    .where('destination_id', '=', client.destinationId)
    .where((eb) => eb.or([eb('id', '=', submissionId), eb('sac_submission_id', '=', submissionId)]))
    .where('sac_submission_id', 'is not', null)
    .executeTakeFirst();
  if (viaFit?.sac_submission_id && client.scopes.some((s) => s === 'feedback' || s === 'feedback:tenant')) {
    return viaFit.sac_submission_id;
  }
  if (client.scopes.includes('feedback:tenant')) {
    const own = await db.selectFrom('submissions').select('id').where('id', '=', submissionId).executeTakeFirst();
    if (own) return own.id;
  }
  throw notFound;
}
