import { createHash, randomUUID } from 'node:crypto';
import { z } from 'zod';
import { allTenants, scoped } from '../../../platform/db/scope.ts';
import type { Deps } from '../../../platform/deps.ts';
import type { ConfigCheck } from '../../../platform/plugins/registry.ts';
import type { Connector, DeliveryPayload, DeliveryReceipt } from '../connector.ts';
import { DestinationKeyError } from '../crypto/destination-key-check.ts';
import type { MetadataInput, PaymentInformation } from '../crypto/metadata.ts';
import { encryptSubmission } from '../crypto/submission-crypto.ts';
import type { SubmissionEnvelopeV1 } from '../webhook/envelope.ts';
import type { OutboundPolicy } from '../webhook/webhook-connector.ts';
import { fitIssuer } from './auth.ts';
import { announceNewSubmissions } from './callback.ts';
import { findDestination } from './destinations.ts';
import { appendEvent, signServiceEvents } from './events.ts';
import { insertSubmission } from './store.ts';

/** The format of the encrypted data part: the `sac.submission.v1` envelope without inline files or links. */
export const FIT_FORMAT = 'fit-connect.metadata.v1.0.0+sac.submission.v1';
/** `submissionSchema.schemaUri` of the data part (a URN: the schema ships with SAC, see the docs). */
export const SAC_DATA_SCHEMA_URI = 'urn:sac:schema:sac.submission.v1';

export const fitOptionsSchema = z.object({ destinationId: z.uuid() });
export type FitOptions = z.infer<typeof fitOptionsSchema>;

/** A delivery failure of this connector; `retryable` false stops the outbox at once. */
export class FitDeliveryError extends Error {
  override name = 'FitDeliveryError';
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
  }
}

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/** FIT-Connect attachment ids are UUIDv4; a file id that is not one gets a stable v4-shaped id derived from it. */
export function attachmentIdFor(fileId: string): string {
  if (UUID_V4.test(fileId)) return fileId.toLowerCase();
  const h = createHash('sha256').update(`fit-attachment:${fileId}`).digest('hex');
  const variant = ((Number.parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const paymentStatus = { paid: 'BOOKED', pending: 'INITIAL', failed: 'FAILED', cancelled: 'CANCELED' } as const;

function paymentInformation(envelope: SubmissionEnvelopeV1): PaymentInformation | undefined {
  const p = envelope.metadata.payment;
  if (!p?.transactionReference) return undefined;
  return {
    transactionId: p.transactionReference,
    transactionReference: p.transactionReference,
    paymentMethod: 'OTHER',
    status: paymentStatus[p.status],
    grossAmount: p.amountCents / 100,
  };
}

/** Metadata input for one delivery: the envelope (files by reference only) as data, every file as attachment. */
export async function metadataInputFor(payload: DeliveryPayload): Promise<MetadataInput> {
  const { envelope } = payload;
  const data = {
    ...envelope,
    attachments: envelope.attachments.map(({ contentBase64: _c, url: _u, expiresAt: _e, ...rest }) => ({
      ...rest,
      id: attachmentIdFor(rest.id),
    })),
  };
  const attachments = await Promise.all(
    payload.files.map(async (f) => ({
      id: attachmentIdFor(f.id),
      bytes: new Uint8Array(await f.read()),
      mimeType: f.mimeType,
      filename: f.filename,
      purpose: f.role === 'upload' ? ('attachment' as const) : ('form' as const),
    })),
  );
  const payment = paymentInformation(envelope);
  return {
    data: { bytes: JSON.stringify(data), schemaUri: SAC_DATA_SCHEMA_URI, mimeType: 'application/json' },
    attachments,
    publicService: { identifier: `urn:de:fim:leika:leistung:${envelope.metadata.leikaKey}` },
    ...(payment ? { paymentInformation: payment } : {}),
    additionalReferenceInfo: {
      senderReference: envelope.metadata.reference,
      applicationDate: envelope.metadata.submittedAt.slice(0, 10),
    },
  };
}

const isUniqueViolation = (error: unknown) => (error as { code?: string })?.code === '23505';

/**
 * The FIT-Connect-style connector: encrypts metadata, data and every file to the destination's registered
 * encryption key (RSA-OAEP-256/A256GCM, key checked first) and stores them as a submission the
 * Fachverfahren pulls from `/api/v1/fit`. The delivery id makes it idempotent: a retried delivery finds its
 * earlier submission. A callback (HMAC-SHA512) announces the new submission when the destination has one.
 */
export function createFitConnector(deps: Deps, policy: OutboundPolicy = {}): Connector<FitOptions> {
  const db = deps.database.db;
  const issuer = fitIssuer(deps);

  async function existing(tenantId: string, deliveryId: string) {
    return scoped(db, tenantId)
      .selectFrom('fit_submissions')
      .select('id')
      .where('delivery_id', '=', deliveryId)
      .executeTakeFirst();
  }

  return {
    id: 'fit-connect',
    label: 'FIT-Connect-Zustellpunkt (verschlüsselter Abruf)',
    optionsSchema: fitOptionsSchema,
    demo: false,
    formatVersion: FIT_FORMAT,

    async checkConfig(options): Promise<ConfigCheck> {
      const row = await db
        .selectFrom('fit_destinations')
        .select(['encryption_jwk', 'signing_jwk'])
        .where('id', '=', options.destinationId)
        .modifyEnd(allTenants)
        .executeTakeFirst();
      if (!row) return { ok: false, problems: ['Diesen Zustellpunkt gibt es nicht.'] };
      if (!row.encryption_jwk || !row.signing_jwk) {
        return {
          ok: false,
          problems: ['Das Fachverfahren hat noch keine Schlüssel hinterlegt; Übermittlungen warten bis dahin.'],
        };
      }
      return { ok: true, problems: [] };
    },

    isRetryable(error) {
      if (error instanceof FitDeliveryError) return error.retryable;
      if (error instanceof DestinationKeyError) return false;
      return true;
    },

    async deliver(payload, options): Promise<DeliveryReceipt> {
      const { metadata } = payload.envelope;
      const tenant = await db
        .selectFrom('tenants')
        .select('id')
        .where('slug', '=', metadata.tenant.id)
        .executeTakeFirst();
      if (!tenant) throw new FitDeliveryError(`unknown tenant ${metadata.tenant.id}`, false);
      const earlier = await existing(tenant.id, metadata.deliveryId);
      if (earlier) return { detail: `FIT submission ${earlier.id}` };

      const destination = await findDestination(db, deps.cipher, tenant.id, options.destinationId);
      if (!destination) throw new FitDeliveryError('destination not found for this tenant', false);
      if (!destination.encryptionKey || destination.status !== 'active') {
        throw new FitDeliveryError('the destination has not registered its keys yet', true);
      }
      let input: MetadataInput;
      try {
        input = await metadataInputFor(payload);
      } catch (error) {
        throw new FitDeliveryError(`metadata cannot be built: ${(error as Error).message}`, false);
      }
      let encrypted: Awaited<ReturnType<typeof encryptSubmission>>;
      try {
        encrypted = await encryptSubmission(input, destination.encryptionKey, { now: deps.clock.now() });
      } catch (error) {
        if (error instanceof DestinationKeyError)
          throw new FitDeliveryError(`destination key refused: ${error.message}`, false);
        throw new FitDeliveryError(`metadata cannot be built: ${(error as Error).message}`, false);
      }

      const now = deps.clock.now();
      const ref = { tenantId: tenant.id, submissionId: randomUUID(), caseId: randomUUID() };
      const events = await signServiceEvents(
        { keyDb: db, cipher: deps.cipher, issuer },
        ref,
        ['create-submission', 'submit-submission'],
        now,
      );
      const submissionId = ref.submissionId;
      try {
        await db.transaction().execute(async (trx) => {
          await insertSubmission(trx, {
            tenantId: tenant.id,
            submissionId: ref.submissionId,
            caseId: ref.caseId,
            destinationId: destination.id,
            publicService: { identifier: input.publicService.identifier },
            announcedAttachments: Object.keys(encrypted.encryptedAttachments),
            now,
            sacSubmissionId: metadata.submissionId,
            deliveryId: metadata.deliveryId,
            complete: {
              encryptedMetadata: encrypted.encryptedMetadata,
              encryptedData: encrypted.encryptedData,
              attachments: encrypted.encryptedAttachments,
            },
          });
          for (const event of events) await appendEvent(trx, ref, event);
        });
      } catch (error) {
        // A concurrent attempt of the same delivery won the unique delivery_id: that one counts.
        const winner = isUniqueViolation(error) ? await existing(tenant.id, metadata.deliveryId) : undefined;
        if (winner) return { detail: `FIT submission ${winner.id}` };
        throw error;
      }
      await announceNewSubmissions(destination, [submissionId], { policy, now, log: deps.log });
      return { detail: `FIT submission ${submissionId}` };
    },
  };
}
