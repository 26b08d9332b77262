import { randomUUID } from 'node:crypto';
import { importJWK, type JWK, type JWTPayload, jwtVerify, SignJWT } from 'jose';

export const EVENT_URI_PREFIX = 'https://schema.fitko.de/fit-connect/events/';
export const SET_TYPE = 'secevent+jwt';
export const SET_ALGORITHM = 'PS512';

/** The two events a subscriber (Fachverfahren) sends about a submission. */
export type SubscriberEvent = 'accept-submission' | 'reject-submission';
const subscriberEvents: readonly SubscriberEvent[] = ['accept-submission', 'reject-submission'];

/** GCM tags (last JWE segment) of the parts the subscriber received, proving which ciphertexts it accepted. */
export interface AuthenticationTags {
  metadata: string;
  data?: string;
  attachments?: Record<string, string>;
}

/** RFC 7807-style problem, as listed in a reject-submission event. */
export interface SetProblem {
  type: string;
  title: string;
  detail?: string;
  instance?: string;
}

export interface SetInput {
  /** The destination id (the subscriber signs as its destination). */
  issuer: string;
  submissionId: string;
  caseId: string;
  event: SubscriberEvent;
  authenticationTags?: AuthenticationTags;
  problems?: SetProblem[];
  /** Injected for tests; defaults to now. */
  issuedAt?: Date;
}

export interface SetPayload extends JWTPayload {
  iss: string;
  sub: string;
  txn: string;
  iat: number;
  jti: string;
  events: Record<string, Record<string, unknown>>;
}

/** Signs a Security Event Token as compact JWS, header `{typ: secevent+jwt, alg: PS512, kid}`. */
export async function signSet(input: SetInput, privateSigningJwk: JWK): Promise<string> {
  if (!privateSigningJwk.kid) throw new Error('signing key has no kid');
  const key = await importJWK(privateSigningJwk, SET_ALGORITHM);
  const body: Record<string, unknown> = {};
  if (input.authenticationTags) body.authenticationTags = input.authenticationTags;
  if (input.problems) body.problems = input.problems;
  const iat = Math.floor((input.issuedAt ?? new Date()).getTime() / 1000);
  return new SignJWT({ txn: `case:${input.caseId}`, events: { [EVENT_URI_PREFIX + input.event]: body } })
    .setProtectedHeader({ typ: SET_TYPE, alg: SET_ALGORITHM, kid: privateSigningJwk.kid })
    .setIssuer(input.issuer)
    .setSubject(`submission:${input.submissionId}`)
    .setIssuedAt(iat)
    .setJti(randomUUID())
    .sign(key);
}

export interface VerifySetOptions {
  expectedIssuer: string;
  expectedSubmissionId: string;
  expectedCaseId?: string;
  now: Date;
  /** How old `iat` may be; older tokens are refused as replays. */
  maxAgeSeconds: number;
  /** Tolerated clock difference for an `iat` in the future (default 60 s). */
  clockSkewSeconds?: number;
}

export interface VerifiedSet {
  event: SubscriberEvent;
  eventBody: Record<string, unknown>;
  payload: SetPayload;
  kid: string | undefined;
}

export class SetVerificationError extends Error {
  override name = 'SetVerificationError';
}

/**
 * Verifies a subscriber's SET: PS512 only (no HS*, no `none`), `typ: secevent+jwt`, the signature against
 * the destination's public signing key, issuer, subject, optional case, `iat` within the window, a `jti`,
 * and exactly one known event. Remembering seen `jti`s (replay inside the window) is the caller's job.
 */
export async function verifySet(jws: string, publicSigningJwk: JWK, options: VerifySetOptions): Promise<VerifiedSet> {
  const key = await importJWK(publicSigningJwk, SET_ALGORITHM);
  const skew = options.clockSkewSeconds ?? 60;
  let result: Awaited<ReturnType<typeof jwtVerify>>;
  try {
    result = await jwtVerify(jws, key, {
      algorithms: [SET_ALGORITHM],
      typ: SET_TYPE,
      issuer: options.expectedIssuer,
      subject: `submission:${options.expectedSubmissionId}`,
      currentDate: options.now,
      maxTokenAge: options.maxAgeSeconds,
      clockTolerance: skew,
      requiredClaims: ['iat', 'jti', 'txn', 'events'],
    });
  } catch (error) {
    throw new SetVerificationError(`SET rejected: ${(error as Error).message}`);
  }
  const { payload, protectedHeader } = result;
  if (protectedHeader.typ !== SET_TYPE) throw new SetVerificationError(`SET rejected: typ ${protectedHeader.typ}`);
  const now = Math.floor(options.now.getTime() / 1000);
  if (typeof payload.iat !== 'number' || payload.iat > now + skew)
    throw new SetVerificationError('SET rejected: iat in the future');
  if (now - payload.iat > options.maxAgeSeconds) {
    throw new SetVerificationError('SET rejected: too old (iat outside the window)');
  }
  if (options.expectedCaseId && payload.txn !== `case:${options.expectedCaseId}`) {
    throw new SetVerificationError('SET rejected: txn is for another case');
  }
  if (publicSigningJwk.kid && protectedHeader.kid !== publicSigningJwk.kid) {
    throw new SetVerificationError('SET rejected: kid does not match the signing key');
  }
  const events = payload.events;
  const uris = events && typeof events === 'object' ? Object.keys(events) : [];
  const event = subscriberEvents.find((e) => uris.length === 1 && uris[0] === EVENT_URI_PREFIX + e);
  if (!event) throw new SetVerificationError(`SET rejected: unknown or multiple events (${uris.join(', ') || 'none'})`);
  return {
    event,
    eventBody: (events as Record<string, Record<string, unknown>>)[uris[0]!] ?? {},
    payload: payload as SetPayload,
    kid: protectedHeader.kid,
  };
}
