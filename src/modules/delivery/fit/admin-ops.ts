import type { Kysely } from 'kysely';
import type { DataCipher } from '../../../platform/crypto/data-cipher.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { type Executor, scoped } from '../../../platform/db/scope.ts';
import { checkOutboundUrl, type OutboundRefusal } from '../../../platform/net/check-outbound-url.ts';
import type { OutboundPolicy } from '../webhook/webhook-connector.ts';
import { createDestination, setDestinationCallback } from './destinations.ts';

/** A destination as the municipality's admin page shows it: status, keys and what waits for pick-up. */
export interface DestinationOverview {
  id: string;
  name: string;
  /** `active` once both public keys are registered (as `findDestination` decides). */
  status: 'active' | 'created';
  keysRegisteredAt: Date | null;
  encryptionKid: string | null;
  signingKid: string | null;
  callbackUrl: string | null;
  /** Submitted, neither accepted nor rejected, content still there: what `GET /submissions` lists. */
  waiting: number;
  createdAt: Date;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const kidOf = (jwk: string | null): string | null => {
  if (!jwk) return null;
  const kid = (JSON.parse(jwk) as { kid?: unknown }).kid;
  return typeof kid === 'string' ? kid : null;
};

/** The tenant's destinations by name, or the one with `id` (an id that is not a UUID finds nothing). */
export async function listDestinationOverviews(
  db: Executor,
  tenantId: string,
  only?: { id: string },
): Promise<DestinationOverview[]> {
  if (only && !UUID.test(only.id)) return [];
  let query = scoped(db, tenantId)
    .selectFrom('fit_destinations')
    .select(['id', 'name', 'encryption_jwk', 'signing_jwk', 'keys_registered_at', 'callback_url', 'created_at'])
    .orderBy('name')
    .orderBy('id');
  if (only) query = query.where('id', '=', only.id);
  const rows = await query.execute();
  if (rows.length === 0) return [];
  const counts = await scoped(db, tenantId)
    .selectFrom('fit_submissions')
    .select((eb) => ['destination_id', eb.fn.countAll<string>().as('n')])
    .where(
      'destination_id',
      'in',
      rows.map((r) => r.id),
    )
    .where('status', '=', 'submitted')
    .where('content_deleted_at', 'is', null)
    .groupBy('destination_id')
    .execute();
  const waiting = new Map(counts.map((c) => [c.destination_id, Number(c.n)]));
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    status: r.encryption_jwk && r.signing_jwk ? 'active' : 'created',
    keysRegisteredAt: r.encryption_jwk && r.signing_jwk ? r.keys_registered_at : null,
    encryptionKid: kidOf(r.encryption_jwk),
    signingKid: kidOf(r.signing_jwk),
    callbackUrl: r.callback_url,
    waiting: waiting.get(r.id) ?? 0,
    createdAt: r.created_at,
  }));
}

export async function findDestinationOverview(
  db: Executor,
  tenantId: string,
  id: string,
): Promise<DestinationOverview | undefined> {
  return (await listDestinationOverviews(db, tenantId, { id }))[0];
}

/** What a refused callback URL means, in words a municipality's admin can act on. */
export function callbackRefusal(code: OutboundRefusal, policy: OutboundPolicy): string {
  switch (code) {
    case 'invalid_url':
      return 'Bitte geben Sie eine vollständige Adresse ein, z. B. https://fachverfahren.example.de/fit-callback.';
    case 'scheme':
      return policy.allowHttp
        ? 'Die Callback-Adresse muss mit https:// oder http:// beginnen.'
        : 'Die Callback-Adresse muss mit https:// beginnen.';
    case 'credentials':
      return 'Die Callback-Adresse darf keinen Benutzernamen und kein Passwort enthalten.';
    case 'unresolvable':
      return 'Den Rechner der Callback-Adresse gibt es nicht (der Name lässt sich nicht auflösen).';
    case 'forbidden_address':
      return 'Die Callback-Adresse zeigt auf eine interne Adresse. Solche Ziele sind nur nach Freigabe durch den Betrieb erlaubt.';
  }
}

export interface NewDestinationInput {
  tenantId: string;
  name: string;
  /** Optional; both or neither. */
  callbackUrl: string | null;
  callbackSecret: string | null;
  now: Date;
  /** For the audit record: `staff:{id}`. */
  actor: string;
}

/**
 * Creates a destination for a Fachverfahren, with its callback if given: the URL passes the same SSRF check
 * as the API's `PUT …/callback` (and is checked again at every call), the secret is stored encrypted. Audited.
 * Returns the new id, or the German problem with the callback URL.
 */
export async function createDestinationByAdmin(
  db: Kysely<DB>,
  cipher: DataCipher,
  policy: OutboundPolicy,
  input: NewDestinationInput,
): Promise<{ ok: true; id: string } | { ok: false; callbackUrl: string }> {
  if (input.callbackUrl) {
    const check = await checkOutboundUrl(input.callbackUrl, policy);
    if (!check.ok) return { ok: false, callbackUrl: callbackRefusal(check.code, policy) };
  }
  const id = await db.transaction().execute(async (trx) => {
    const id = await createDestination(trx, { tenantId: input.tenantId, name: input.name, now: input.now });
    if (input.callbackUrl && input.callbackSecret) {
      await setDestinationCallback(trx, cipher, {
        tenantId: input.tenantId,
        destinationId: id,
        url: input.callbackUrl,
        secret: input.callbackSecret,
        now: input.now,
      });
    }
    await auditFit(trx, {
      tenantId: input.tenantId,
      actor: input.actor,
      action: 'fit.destination_created',
      destinationId: id,
      details: { callback: !!input.callbackUrl },
      now: input.now,
    });
    return id;
  });
  return { ok: true, id };
}

/** An audit record of an admin's change to a destination or its clients (ids only, never a secret). */
export async function auditFit(
  db: Executor,
  event: {
    tenantId: string;
    actor: string;
    action: 'fit.destination_created' | 'fit.client_created' | 'fit.client_revoked';
    destinationId: string;
    details?: Record<string, unknown>;
    now: Date;
  },
): Promise<void> {
  await db
    .insertInto('audit_events')
    .values({
      tenant_id: event.tenantId,
      at: event.now,
      actor: event.actor,
      action: event.action,
      object_type: 'fit_destination',
      object_id: event.destinationId,
      details: JSON.stringify(event.details ?? {}),
    })
    .execute();
}
