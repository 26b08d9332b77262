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
