import { scoped } from '../../../../platform/db/scope.ts';
import type { Deps } from '../../../../platform/deps.ts';
import type { Draft } from '../repo.ts';
import { hashResumeCode, hashResumeToken, newResumeCode, newResumeToken } from '../resume-secrets.ts';

/**
 * A fresh resume link token and code for the draft; earlier ones stop working. Only hashes are stored,
 * so the pair can be shown exactly once.
 */
export async function createResumeCode(deps: Deps, draft: Draft): Promise<{ token: string; code: string }> {
  const token = newResumeToken();
  const code = newResumeCode();
  await scoped(deps.database.db, draft.tenantId)
    .updateTable('drafts')
    .set({
      resume_token_hash: hashResumeToken(token),
      resume_code_hash: hashResumeCode(deps.config.secretKey, draft.id, code),
      resume_failures: 0,
      resume_window_started_at: null,
    })
    .where('id', '=', draft.id)
    .execute();
  return { token, code };
}
