import type { Session } from '../../../platform/http/session.ts';

const KEY = 'formDrafts';
const MAX_REMEMBERED = 20;

/** Lets this session open the draft (after starting or resuming it). */
export function grantDraft(session: Session, draftId: string): void {
  const ids = (session.get<string[]>(KEY) ?? []).filter((id) => id !== draftId);
  session.set(KEY, [...ids, draftId].slice(-MAX_REMEMBERED));
}

/** Whether this session may open the draft; a foreign draft is answered with 404 by the caller. */
export function mayOpenDraft(session: Session | null, draftId: string): boolean {
  return !!session && (session.get<string[]>(KEY) ?? []).includes(draftId);
}

const ANONYMOUS_KEY = 'formDraftsAnonymous';

/** A draft this session started (or resumed) without a login: offered for attaching at the next login. */
export interface AnonymousDraftRef {
  id: string;
  tenantId: string;
}

export function rememberAnonymousDraft(session: Session, ref: AnonymousDraftRef): void {
  const refs = anonymousDraftRefs(session).filter((r) => r.id !== ref.id);
  session.set(ANONYMOUS_KEY, [...refs, ref].slice(-MAX_REMEMBERED));
}

export function anonymousDraftRefs(session: Session | null): AnonymousDraftRef[] {
  return session?.get<AnonymousDraftRef[]>(ANONYMOUS_KEY) ?? [];
}

export function forgetAnonymousDrafts(session: Session): void {
  if (session.get(ANONYMOUS_KEY) !== undefined) session.delete(ANONYMOUS_KEY);
}
