import type { Session } from '../../../platform/http/session.ts';

const KEY = 'formReceipts';
const MAX_REMEMBERED = 20;

/** Lets this session see the receipt of a submission it made. */
export function grantReceipt(session: Session, reference: string): void {
  const refs = (session.get<string[]>(KEY) ?? []).filter((ref) => ref !== reference);
  session.set(KEY, [...refs, reference].slice(-MAX_REMEMBERED));
}

export function mayViewReceipt(session: Session | null, reference: string): boolean {
  return !!session && (session.get<string[]>(KEY) ?? []).includes(reference);
}
