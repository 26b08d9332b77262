import { scoped } from '../../../platform/db/scope.ts';
import type { Deps } from '../../../platform/deps.ts';
import { DatabaseRateLimitStore, RateLimiter, type RateLimitRule } from '../../../platform/http/rate-limit.ts';
import type { SubmissionState } from '../../submissions/lifecycle/states.ts';
import { listEvents } from '../../submissions/lifecycle/transition.ts';
import { statusCodeMatches } from '../../submissions/status-code.ts';

/** Lookups per client address and window (every attempt counts, right or wrong). */
export const perIpRule: RateLimitRule = { name: 'status-lookup-ip', limit: 20, windowMs: 15 * 60_000 };
/** Lookups per reference number and window, from any address: guessing one code gets ten tries. */
export const perReferenceRule: RateLimitRule = { name: 'status-lookup-reference', limit: 10, windowMs: 15 * 60_000 };

export type StatusLookup =
  | { kind: 'found'; reference: string; state: SubmissionState; timeline: { to: SubmissionState; at: Date }[] }
  /** Unknown reference and wrong code get the same answer. */
  | { kind: 'notFound' };

/** Reference numbers are shown upper case with dashes; what a citizen types is normalised the same way. */
export function normaliseReference(input: string): string {
  return input.toUpperCase().replace(/\s+/g, '').slice(0, 40);
}

/**
 * The status of a submission for someone holding its reference number and status code: only the state and
 * the timeline's states with their times — no answers, no notes, no names. Rate-limited per client address
 * and per reference number (429 with Retry-After via AppError); both are counted before the lookup.
 */
export async function lookupStatus(
  deps: Deps,
  input: { tenantId: string; ip: string; reference: string; code: string },
): Promise<StatusLookup> {
  const limiter = new RateLimiter(new DatabaseRateLimitStore(deps.database.db), deps.clock, deps.config.secretKey);
  const reference = normaliseReference(input.reference);
  await limiter.consume(perIpRule, input.ip);
  await limiter.consume(perReferenceRule, `${input.tenantId}\n${reference}`);
  if (!/^[A-Z0-9-]{4,40}$/.test(reference) || input.code.length > 40) return { kind: 'notFound' };
  const row = await scoped(deps.database.db, input.tenantId)
    .selectFrom('submissions')
    .select(['id', 'reference', 'state', 'status_code'])
    .where('reference', '=', reference)
    .executeTakeFirst();
  if (!row || !statusCodeMatches(deps.cipher, row.status_code, row.id, input.code)) return { kind: 'notFound' };
  const events = await listEvents(deps, input.tenantId, row.id);
  return {
    kind: 'found',
    reference: row.reference,
    state: row.state,
    timeline: events.map((e) => ({ to: e.to, at: e.at })),
  };
}
