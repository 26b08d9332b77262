import { timingSafeEqual } from 'node:crypto';
import { sql } from 'kysely';
import { scoped } from '../../../../platform/db/scope.ts';
import type { Deps } from '../../../../platform/deps.ts';
import { hashResumeCode, hashResumeToken } from '../resume-secrets.ts';

/** Wrong codes allowed per resume link and window before lookups are refused (429). */
export const RESUME_MAX_FAILURES = 5;
export const RESUME_WINDOW_MS = 15 * 60_000;

export type ResumeOutcome =
  | { kind: 'ok'; draftId: string; assistantId: string }
  | { kind: 'wrong' }
  | { kind: 'limited'; retryAfterSeconds: number }
  | { kind: 'unknown' };

interface Target {
  id: string;
  assistant_id: string;
  resume_code_hash: string | null;
  resume_failures: number;
  resume_window_started_at: Date | null;
}

/** Finds the open, unexpired draft a resume link points at. */
export async function findResumeTarget(deps: Deps, tenantId: string, token: string): Promise<Target | undefined> {
  if (token.length > 100) return undefined;
  return scoped(deps.database.db, tenantId)
    .selectFrom('drafts')
    .select(['id', 'assistant_id', 'resume_code_hash', 'resume_failures', 'resume_window_started_at'])
    .where('resume_token_hash', '=', hashResumeToken(token))
    .where('status', '=', 'open')
    .where('expires_at', '>', deps.clock.now())
    .executeTakeFirst();
}

/**
 * Checks the code of a resume link. At most {@link RESUME_MAX_FAILURES} wrong codes per link within
 * {@link RESUME_WINDOW_MS}; while limited, even the right code is refused so guessing gains nothing.
 */
export async function resumeDraft(deps: Deps, tenantId: string, token: string, code: string): Promise<ResumeOutcome> {
  const target = await findResumeTarget(deps, tenantId, token);
  if (!target?.resume_code_hash) return { kind: 'unknown' };
  const now = deps.clock.now().getTime();
  const windowStart = target.resume_window_started_at?.getTime();
  const windowOpen = windowStart !== undefined && now - windowStart < RESUME_WINDOW_MS;
  if (windowOpen && target.resume_failures >= RESUME_MAX_FAILURES) {
    return { kind: 'limited', retryAfterSeconds: Math.ceil((windowStart + RESUME_WINDOW_MS - now) / 1000) };
  }
  const given = Buffer.from(hashResumeCode(deps.config.secretKey, target.id, code));
  if (timingSafeEqual(given, Buffer.from(target.resume_code_hash))) {
    return { kind: 'ok', draftId: target.id, assistantId: target.assistant_id };
  }
  const drafts = scoped(deps.database.db, tenantId).updateTable('drafts').where('id', '=', target.id);
  if (windowOpen) await drafts.set({ resume_failures: sql`resume_failures + 1` }).execute();
  else await drafts.set({ resume_failures: 1, resume_window_started_at: deps.clock.now() }).execute();
  return { kind: 'wrong' };
}
