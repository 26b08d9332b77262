import type { FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors.ts';
import type { CitizenAttributes } from './registry.ts';
import { meetsTrustLevel, type TrustLevel, trustLevelNames } from './trust-levels.ts';

/** The logged-in citizen as kept in the server-side session (key `citizen`). */
export interface Citizen {
  accountId: string;
  /** HMAC of provider key and pseudonym; the raw bPK2/sub never leaves the login step. */
  pseudonymHash: string;
  /** Key of the configured provider used (e.g. `demo-bundid`). */
  provider: string;
  providerLabel: string;
  trustLevel: Exclude<TrustLevel, 'none'>;
  /** ISO time of the login. */
  authTime: string;
  /** For pre-fill; only in the session, never stored with the account. */
  attributes: CitizenAttributes;
  /** What single logout needs (SAML NameID/SessionIndex). */
  logout?: Record<string, string> | undefined;
}

export const CITIZEN_KEY = 'citizen';

/** The sessions table's `subject` for a citizen account ("Auf allen Geräten abmelden"). */
export const citizenSubject = (accountId: string) => `citizen:${accountId}`;

/** The logged-in citizen, or undefined. Never creates a session. */
export async function currentCitizen(request: FastifyRequest): Promise<Citizen | undefined> {
  const session = await request.existingSession();
  return session?.get<Citizen>(CITIZEN_KEY);
}

/** The step-up/login page for a level, coming back to `returnTo` afterwards. */
export function loginUrl(level: TrustLevel, returnTo: string): string {
  const q = new URLSearchParams({ niveau: level === 'none' ? 'basisregistrierung' : level, zurueck: returnTo });
  return `/konto/anmelden?${q}`;
}

export type TrustCheck =
  | { ok: true; citizen: Citizen | undefined }
  | { ok: false; citizen: Citizen | undefined; stepUpUrl: string };

/**
 * Checks the session's trust level against what an offering needs (`none` always passes). Call it on
 * every step and at submit. When it fails, send the browser to `stepUpUrl` (303).
 *
 *   const check = await requireTrustLevel(request, offering.trust_level);
 *   if (!check.ok) return reply.redirect(check.stepUpUrl, 303);
 */
export async function requireTrustLevel(
  request: FastifyRequest,
  level: TrustLevel,
  returnTo: string = request.url,
): Promise<TrustCheck> {
  const citizen = await currentCitizen(request);
  if (level === 'none') return { ok: true, citizen };
  if (citizen && meetsTrustLevel(citizen.trustLevel, level)) return { ok: true, citizen };
  return { ok: false, citizen, stepUpUrl: loginUrl(level, returnTo) };
}

/** Like requireTrustLevel, for places that cannot redirect (a submit handler): throws a German 403. */
export async function assertTrustLevel(request: FastifyRequest, level: TrustLevel): Promise<Citizen | undefined> {
  const check = await requireTrustLevel(request, level);
  if (check.ok) return check.citizen;
  throw new AppError(
    'forbidden',
    `Für diesen Schritt ist eine Anmeldung mit dem Vertrauensniveau „${trustLevelNames[level]}“ nötig. Bitte melden Sie sich erneut an.`,
  );
}
