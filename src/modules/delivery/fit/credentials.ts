import { createHash, createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { jwtVerify, SignJWT } from 'jose';
import type { Executor } from '../../../platform/db/scope.ts';
import { allTenants, scoped } from '../../../platform/db/scope.ts';

/**
 * OAuth2 client credentials of the FIT-style API. A client belongs to one destination and has scopes:
 * - `subscribe` — the Fachverfahren: manage its keys, list/fetch submissions, accept/reject;
 * - `send` — an external sender (Onlinedienst) submitting to the destination;
 * - `feedback` — post status and messages for applications delivered to the destination;
 * - `feedback:tenant` — feedback for every application of the tenant (webhook and e-mail routes).
 */
export const fitScopes = ['subscribe', 'send', 'feedback', 'feedback:tenant'] as const;
export type FitScope = (typeof fitScopes)[number];

/** Access tokens live 15 minutes; clients fetch a new one when it expires (FIT-Connect: 30). */
export const TOKEN_LIFETIME_SECONDS = 900;
const TOKEN_AUDIENCE = 'sac-fit-api';

export interface ClientCredentials {
  clientId: string;
  clientSecret: string;
}

/** The secret is 256 random bits, so a plain SHA-256 is enough (no password stretching needed). */
export function hashClientSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function newClientCredentials(): ClientCredentials {
  return { clientId: randomUUID(), clientSecret: randomBytes(32).toString('base64url') };
}

/** Stores a client for a destination; returns the secret once (only its hash is kept). */
export async function createClient(
  db: Executor,
  input: {
    tenantId: string;
    destinationId: string;
    scopes: readonly FitScope[];
    label: string;
    now: Date;
    /** Demo seed only: fixed credentials. */
    credentials?: ClientCredentials;
  },
): Promise<ClientCredentials> {
  const credentials = input.credentials ?? newClientCredentials();
  await scoped(db, input.tenantId)
    .insertInto('fit_clients', {
      client_id: credentials.clientId,
      destination_id: input.destinationId,
      secret_hash: hashClientSecret(credentials.clientSecret),
      scopes: input.scopes.join(' '),
      label: input.label,
      created_at: input.now,
      revoked_at: null,
    })
    .execute();
  return credentials;
}

/** A client as the municipality's admin page lists it (never the secret or its hash). */
export interface ClientEntry {
  clientId: string;
  label: string;
  scopes: FitScope[];
  createdAt: Date;
  revokedAt: Date | null;
}

/** The clients of one destination, newest first, revoked ones included. */
export async function listClients(db: Executor, tenantId: string, destinationId: string): Promise<ClientEntry[]> {
  const rows = await scoped(db, tenantId)
    .selectFrom('fit_clients')
    .select(['client_id', 'label', 'scopes', 'created_at', 'revoked_at'])
    .where('destination_id', '=', destinationId)
    .orderBy('created_at', 'desc')
    .orderBy('client_id')
    .execute();
  return rows.map((r) => ({
    clientId: r.client_id,
    label: r.label,
    scopes: parseScopes(r.scopes),
    createdAt: r.created_at,
    revokedAt: r.revoked_at,
  }));
}

/**
 * Revokes a client of the destination: its token requests fail and its unexpired tokens stop working at
 * once (`clientIsActive`). `not_found` for another destination's or tenant's client.
 */
export async function revokeClient(
  db: Executor,
  input: { tenantId: string; destinationId: string; clientId: string; now: Date },
): Promise<'revoked' | 'already_revoked' | 'not_found'> {
  const s = scoped(db, input.tenantId);
  const updated = await s
    .updateTable('fit_clients')
    .set({ revoked_at: input.now })
    .where('client_id', '=', input.clientId)
    .where('destination_id', '=', input.destinationId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (updated.numUpdatedRows === 1n) return 'revoked';
  const row = await s
    .selectFrom('fit_clients')
    .select('client_id')
    .where('client_id', '=', input.clientId)
    .where('destination_id', '=', input.destinationId)
    .executeTakeFirst();
  return row ? 'already_revoked' : 'not_found';
}

export interface AuthenticatedClient {
  clientId: string;
  tenantId: string;
  destinationId: string;
  scopes: FitScope[];
}

function parseScopes(value: string): FitScope[] {
  return value.split(' ').filter((s): s is FitScope => (fitScopes as readonly string[]).includes(s));
}

/** Checks id and secret in constant time; undefined for unknown, revoked or wrong. */
export async function authenticateClient(
  db: Executor,
  clientId: string,
  clientSecret: string,
): Promise<AuthenticatedClient | undefined> {
  // The token request names no tenant yet: a deliberate lookup across tenants by the unique client id.
  const row = await db
    .selectFrom('fit_clients')
    .select(['client_id', 'tenant_id', 'destination_id', 'secret_hash', 'scopes', 'revoked_at'])
    .where('client_id', '=', clientId)
    .modifyEnd(allTenants)
    .executeTakeFirst();
  const given = Buffer.from(hashClientSecret(clientSecret), 'hex');
  const expected = Buffer.from(row?.secret_hash ?? hashClientSecret('no such client'), 'hex');
  const match = given.length === expected.length && timingSafeEqual(given, expected);
  if (!row || !match || row.revoked_at) return undefined;
  return {
    clientId: row.client_id,
    tenantId: row.tenant_id,
    destinationId: row.destination_id,
    scopes: parseScopes(row.scopes),
  };
}

/** Whether the client still exists and is not revoked (checked on every API call, so revocation is immediate). */
export async function clientIsActive(db: Executor, tenantId: string, clientId: string): Promise<boolean> {
  const row = await scoped(db, tenantId)
    .selectFrom('fit_clients')
    .select('revoked_at')
    .where('client_id', '=', clientId)
    .executeTakeFirst();
  return !!row && !row.revoked_at;
}

function tokenKey(secretKey: string): Uint8Array {
  return createHmac('sha256', secretKey).update('sac:fit-access-token:v1').digest();
}

/** An HS256 JWT naming client, tenant, destination and the granted scopes. */
export async function issueAccessToken(
  client: AuthenticatedClient,
  scopes: readonly FitScope[],
  options: { secretKey: string; issuer: string; now: Date },
): Promise<{ token: string; expiresIn: number }> {
  const iat = Math.floor(options.now.getTime() / 1000);
  const token = await new SignJWT({ ten: client.tenantId, dst: client.destinationId, scope: scopes.join(' ') })
    .setProtectedHeader({ alg: 'HS256', typ: 'at+jwt' })
    .setIssuer(options.issuer)
    .setAudience(TOKEN_AUDIENCE)
    .setSubject(client.clientId)
    .setIssuedAt(iat)
    .setExpirationTime(iat + TOKEN_LIFETIME_SECONDS)
    .setJti(randomUUID())
    .sign(tokenKey(options.secretKey));
  return { token, expiresIn: TOKEN_LIFETIME_SECONDS };
}

/** Verifies an access token; undefined when forged, expired or malformed. */
export async function verifyAccessToken(
  token: string,
  options: { secretKey: string; issuer: string; now: Date },
): Promise<AuthenticatedClient | undefined> {
  try {
    const { payload } = await jwtVerify(token, tokenKey(options.secretKey), {
      algorithms: ['HS256'],
      issuer: options.issuer,
      audience: TOKEN_AUDIENCE,
      currentDate: options.now,
      clockTolerance: 0,
      requiredClaims: ['exp', 'sub'],
    });
    if (typeof payload.ten !== 'string' || typeof payload.dst !== 'string' || typeof payload.scope !== 'string') {
      return undefined;
    }
    return {
      clientId: payload.sub!,
      tenantId: payload.ten,
      destinationId: payload.dst,
      scopes: parseScopes(payload.scope),
    };
  } catch {
    return undefined;
  }
}
