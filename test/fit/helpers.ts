import { randomUUID } from 'node:crypto';
import type { DeliveryFile, DeliveryPayload } from '../../src/modules/delivery/connector.ts';
import { type DestinationKeyPair, generateDestinationKeyPair } from '../../src/modules/delivery/crypto/keys.ts';
import { type ClientCredentials, createClient, type FitScope } from '../../src/modules/delivery/fit/credentials.ts';
import { createDestination } from '../../src/modules/delivery/fit/destinations.ts';
import { ENVELOPE_FORMAT_V1 } from '../../src/modules/delivery/webhook/envelope.ts';
import type { SubmissionState } from '../../src/modules/submissions/lifecycle/states.ts';
import { scoped } from '../../src/platform/db/scope.ts';
import type { TestApp } from '../helpers/app.ts';

/** Key pairs are slow to make: one 2048-bit set per test file is enough. */
let cachedKeys: Promise<DestinationKeyPair> | undefined;
export const testKeys = () => {
  cachedKeys ??= generateDestinationKeyPair(2048);
  return cachedKeys;
};

export interface TestDestination {
  tenantId: string;
  destinationId: string;
  subscriber: ClientCredentials;
  sender: ClientCredentials;
}

/** A destination of `tenantSlug` with a subscriber client (subscribe + feedback) and a sender client. */
export async function makeDestination(t: TestApp, tenantSlug = 'magdeburg'): Promise<TestDestination> {
  const tenantId = t.tenantIds.get(tenantSlug)!;
  const db = t.deps.database.db;
  const now = t.clock.now();
  const destinationId = await createDestination(db, { tenantId, name: `Standesamt ${tenantSlug}`, now });
  const client = (scopes: FitScope[], label: string) =>
    createClient(db, { tenantId, destinationId, scopes, label, now });
  return {
    tenantId,
    destinationId,
    subscriber: await client(['subscribe', 'feedback'], 'Fachverfahren'),
    sender: await client(['send'], 'Onlinedienst'),
  };
}

export async function token(t: TestApp, c: ClientCredentials, scope?: string): Promise<string> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/fit/token',
    payload: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: c.clientId,
      client_secret: c.clientSecret,
      ...(scope ? { scope } : {}),
    }).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  if (res.statusCode !== 200) throw new Error(`token: ${res.statusCode} ${res.body}`);
  return res.json().access_token;
}

export async function registerKeys(t: TestApp, d: TestDestination, keys: DestinationKeyPair): Promise<void> {
  const res = await t.app.inject({
    method: 'PUT',
    url: `/api/v1/fit/destinations/${d.destinationId}/keys`,
    headers: { authorization: `Bearer ${await token(t, d.subscriber)}` },
    payload: { encryptionKey: keys.encryptionPublicJwk, signingKey: keys.signingPublicJwk },
  });
  if (res.statusCode !== 204) throw new Error(`keys: ${res.statusCode} ${res.body}`);
}

/** A SAC application row in `state` (the lifecycle test does the same). */
export async function submissionIn(t: TestApp, tenantId: string, state: SubmissionState): Promise<string> {
  const id = randomUUID();
  const now = t.clock.now();
  await scoped(t.deps.database.db, tenantId)
    .insertInto('submissions', {
      id,
      draft_id: randomUUID(),
      offering_id: null,
      service_id: null,
      assistant_id: 'urkundenbestellung',
      assistant_version: '1.0.0',
      reference: `MD-${id.slice(0, 4).toUpperCase()}-${id.slice(4, 8).toUpperCase()}`,
      answers: t.deps.cipher.encryptJson({}, id),
      fees: JSON.stringify({ lines: [], totalCents: 0 }),
      submitted_at: now,
      state_changed_at: now,
      status_code: null,
      state,
    })
    .execute();
  return id;
}

const file = (
  id: string,
  role: DeliveryFile['role'],
  filename: string,
  mimeType: string,
  bytes: Buffer,
): DeliveryFile => ({
  id,
  role,
  filename,
  mimeType,
  size: bytes.length,
  sha256: 'not-checked-here',
  read: async () => bytes,
});

/** What the outbox would hand the connector for one delivery of `submissionId`. */
export function payloadFor(submissionId: string, tenantSlug = 'magdeburg', deliveryId = randomUUID()): DeliveryPayload {
  const pdf = Buffer.from('%PDF-1.7 Antrag auf Geburtsurkunde');
  const photo = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);
  const pdfId = randomUUID();
  const uploadId = randomUUID();
  return {
    envelope: {
      format: ENVELOPE_FORMAT_V1,
      metadata: {
        deliveryId,
        submissionId,
        reference: 'MD-TEST-0001',
        tenant: { id: tenantSlug, name: 'Landeshauptstadt Magdeburg', ars: '150030000000' },
        leikaKey: '99027012012000',
        assistant: { id: 'urkundenbestellung', version: '1.0.0' },
        submittedAt: '2026-01-15T09:00:00.000Z',
        payment: { status: 'paid', transactionReference: 'KZ-2026-0001', amountCents: 1200 },
        trustLevel: 'none',
      },
      data: { urkunde: 'geburtsurkunde', anzahl: 2, name: 'Erika Mustermann' },
      attachments: [
        {
          id: pdfId,
          filename: 'antrag.pdf',
          mimeType: 'application/pdf',
          size: pdf.length,
          sha256: 'x',
          contentBase64: pdf.toString('base64'),
        },
        {
          id: uploadId,
          filename: 'foto.jpg',
          mimeType: 'image/jpeg',
          size: photo.length,
          sha256: 'x',
          contentBase64: photo.toString('base64'),
        },
      ],
    },
    files: [
      file(pdfId, 'application-pdf', 'antrag.pdf', 'application/pdf', pdf),
      file(uploadId, 'upload', 'foto.jpg', 'image/jpeg', photo),
    ],
  };
}
